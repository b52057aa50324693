import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { RuleError } from '../../rules/errors.js';
import { loadEngineWorkbook } from '../../rules/engine-workbook.js';
import { runRuleSheet } from '../../rules/run.js';
import { unsupportedFormulas } from '../../rules/xlsx/import-issues.js';
import { readWorkbookXlsx } from '../../rules/xlsx/read-workbook.js';
import { writeWorkbookXlsx } from '../../rules/xlsx/write-workbook.js';
import { tempDir, writeXlsx } from '../helpers/files.js';
import { dataset, memorySink } from '../helpers/workbooks.js';

const dir = tempDir('tickmark-xlsx-');
const corpus = join(process.cwd(), '..', 'shared', 'corpus', 'xlsx');

describe('reading .xlsx rule sheets', () => {
  it('reads sheets, formulas, values and cached values, and runs them', async () => {
    const path = writeXlsx(dir, 'check.xlsx', {
      Settings: [
        ['Type', 'Check'],
        ['Data', 'blotter'],
        ['Param Max', 150],
      ],
      Rows: [
        ['id', 'qty', 'Exception'],
        ['sample', 1, '=IF(B2>Max,"size","")'],
      ],
    });
    const { workbook } = readWorkbookXlsx(new Uint8Array(readFileSync(path)), 'check.xlsx');
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Settings', 'Rows']);
    expect(workbook.sheets[1].cells[1]).toEqual(['sample', 1, '=IF(B2>Max,"size","")']);
    expect(unsupportedFormulas(workbook)).toEqual([]);
    const sink = memorySink();
    const summary = await runRuleSheet({
      workbook,
      datasets: {
        blotter: dataset(
          'blotter',
          ['id', 'qty'],
          [
            ['A', 100],
            ['B', 200],
          ],
        ),
      },
      sink,
    });
    expect(summary.by_exception).toEqual({ size: 1 });
  });

  it("recalculates a real Excel workbook to Excel's cached values, with names and cross-sheet references", () => {
    const { workbook, cached } = readWorkbookXlsx(new Uint8Array(readFileSync(join(corpus, 'xlcalculator', 'cross_sheet.xlsx'))));
    expect(workbook.names).toEqual([{ name: 'LastCell', expression: '=Sheet1!$C$5' }]);
    expect(cached.size).toBe(17);
    const hf = loadEngineWorkbook(workbook);
    for (const [key, value] of cached) {
      const [sheet, cell] = key.split('!');
      const address = hf.simpleCellAddressFromString(cell, hf.getSheetId(sheet)!)!;
      expect(hf.getCellValue(address), key).toEqual(value);
    }
    hf.destroy();
  });

  it('keeps text as text, #NULL! as an error and array formulas filling their range, and reports formulas it cannot evaluate', () => {
    const path = writeXlsx(dir, 'fidelity.xlsx', {
      Data: [
        ['00123', 'TRUE', { t: 'e', v: 0x00 }, 1, 2, 3],
        ['=ISTEXT(A1)', '=ISTEXT(B1)', '=ISERROR(C1)', '=ERROR.TYPE(C1)', '=NOSUCHFUNCTION(1)', '=SUM(('],
        // A legacy (Ctrl+Shift+Enter) array formula over D3:F3, as SheetJS writes one (`F`: the range; no dynamic mark).
        [null, null, null, { t: 'n', v: 2, f: 'D1:F1*2', F: 'D3:F3' }],
      ],
    });
    const { workbook } = readWorkbookXlsx(new Uint8Array(readFileSync(path)), 'fidelity.xlsx');
    expect(workbook.sheets[0].cells[2][3]).toBe('=ARRAY_CONSTRAIN(ARRAYFORMULA(D1:F1*2),1,3)');
    const hf = loadEngineWorkbook(workbook);
    expect(hf.getSheetValues(0)[1].slice(0, 4)).toEqual([true, true, true, 1]);
    expect(hf.getSheetValues(0)[2].slice(3, 6)).toEqual([2, 4, 6]);
    hf.destroy();
    expect(unsupportedFormulas(workbook)).toEqual([
      { sheet: 'Data', cell: 'E2', message: 'Tickmark has no function NOSUCHFUNCTION' },
      { sheet: 'Data', cell: 'F2', message: expect.stringMatching(/^Tickmark cannot read this formula: Parsing error/) },
    ]);
  });

  it("evaluates a one-cell array formula with array arithmetic, as Excel's {=SUM(IF(…))}, and writes it back as one", () => {
    const path = writeXlsx(dir, 'cse.xlsx', {
      S: [
        [1, 10, { t: 'n', v: 50, f: 'SUM(IF(A1:A3>5,B1:B3))', F: 'C1' }],
        [6, 20],
        [7, 30],
      ],
    });
    const { workbook } = readWorkbookXlsx(new Uint8Array(readFileSync(path)), 'cse.xlsx');
    expect(workbook.sheets[0].cells[0][2]).toBe('=ARRAY_CONSTRAIN(ARRAYFORMULA(SUM(IF(A1:A3>5,B1:B3))),1,1)');
    const hf = loadEngineWorkbook(workbook);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 2 })).toBe(50);
    hf.destroy();
    const written = XLSX.read(writeWorkbookXlsx(workbook), { cellFormula: true });
    expect([written.Sheets.S.C1.f, written.Sheets.S.C1.F, written.Sheets.S.C1.v]).toEqual(['SUM(IF(A1:A3>5,B1:B3))', 'C1', 50]);
  });

  it('tells dynamic arrays from legacy ones: a dynamic one spills and is marked so on export, a legacy one keeps its range', () => {
    const workbook = {
      sheets: [
        {
          name: 'S',
          cells: [
            [1, 2, 3],
            ['=ARRAYFORMULA(A1:C1*10)'],
            ['=ARRAY_CONSTRAIN(ARRAYFORMULA(A1:C1*10),1,2)'],
            ['=ARRAY_CONSTRAIN(ARRAYFORMULA(A1:B1*10),1,3)'],
          ],
        },
      ],
      names: [],
    };
    const bytes = writeWorkbookXlsx(workbook);
    const zip = XLSX.CFB.read(bytes, { type: 'array' });
    const sheetXml = Buffer.from(XLSX.CFB.find(zip, '/xl/worksheets/sheet1.xml').content).toString('utf8');
    expect(sheetXml).toMatch(/<c cm="1" r="A2"/);
    expect(sheetXml).not.toMatch(/<c cm="1" r="A3"/);
    expect(XLSX.CFB.find(zip, '/xl/metadata.xml')).toBeTruthy();
    const raw = XLSX.read(bytes, { cellFormula: true });
    expect([raw.Sheets.S.A2.F, raw.Sheets.S.A3.F, raw.Sheets.S.A4.F]).toEqual(['A2:C2', 'A3:B3', 'A4:C4']);
    // Excel's legacy arrays show #N/A where the result is smaller than the range.
    expect([raw.Sheets.S.B3.v, raw.Sheets.S.C3, raw.Sheets.S.C4.w]).toEqual([20, undefined, '#N/A']);
    expect(readWorkbookXlsx(bytes).workbook.sheets[0].cells).toEqual(workbook.sheets[0].cells);
  });

  it('names the file when it is not a workbook', () => {
    expect(() => readWorkbookXlsx(new TextEncoder().encode('hello'), 'notes.xlsx')).toThrow(/not an .xlsx workbook/);
    const broken = (() => {
      try {
        readWorkbookXlsx(new TextEncoder().encode('PK\u0003\u0004garbage'), 'broken.xlsx');
      } catch (error) {
        return error;
      }
    })();
    expect(broken).toBeInstanceOf(RuleError);
    expect((broken as RuleError).place.file).toBe('broken.xlsx');
  });
});
