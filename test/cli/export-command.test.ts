import * as XLSX from '@e965/xlsx';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbookXlsx } from '../../rules/xlsx/read-workbook.js';
import { tempDir, writeText } from '../helpers/files.js';

const root = process.cwd();
const dir = tempDir('tickmark-export-');
const tickmark = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin/tickmark.mjs'), ...args], { encoding: 'utf8' });

describe('tickmark export', () => {
  it('writes a JSON rule sheet as .xlsx with prefixed formulas, calculated values, names, widths and formats', () => {
    const sheet = {
      sheets: [
        {
          name: 'Rows',
          cells: [
            ['qty', 'label', 'days'],
            [4, '=CONCAT("q",A2)', '=BDAYS(DATE(2026,11,20),DATE(2026,11,23))'],
          ],
          columnWidths: [12, null, 20],
          formats: { '1,0': '#,##0.00' },
        },
      ],
      names: [{ name: 'Limit', expression: '=Rows!$A$2' }],
    };
    const input = writeText(dir, 'sheet.json', JSON.stringify(sheet));
    const out = join(dir, 'sheet.xlsx');
    const run = tickmark(['export', input, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`sheet.json: 1 sheets, 2 formulas -> ${out}\n`);
    const book = XLSX.read(readFileSync(out), { cellFormula: true, cellNF: true, cellStyles: true, xlfn: true });
    const rows = book.Sheets.Rows;
    expect(rows.B2).toMatchObject({ f: '_xlfn.CONCAT("q",A2)', v: 'q4' });
    expect(rows.C2).toMatchObject({ f: '_xludf.BDAYS(DATE(2026,11,20),DATE(2026,11,23))', v: 1 });
    expect(rows.A2.z).toBe('#,##0.00');
    expect(rows['!cols']?.[2]?.wch).toBe(20);
    expect(book.Workbook?.Names?.[0]).toMatchObject({ Name: 'Limit', Ref: 'Rows!$A$2' });
    const back = readWorkbookXlsx(new Uint8Array(readFileSync(out))).workbook;
    expect(back.sheets[0].columnWidths?.[2]).toBe(20);
    expect(back.sheets[0].cells[1]).toEqual([4, '=CONCAT("q",A2)', '=BDAYS(DATE(2026,11,20),DATE(2026,11,23))']);
  });

  it('fails with one line naming the file, and writes nothing', () => {
    const out = join(dir, 'never.xlsx');
    const run = tickmark(['export', writeText(dir, 'broken.json', '{"sheets": 3}'), '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^tickmark export: broken\.json: /);
    expect(existsSync(out)).toBe(false);
    expect(tickmark(['export', 'x.json']).status).toBe(2);
  });
});
