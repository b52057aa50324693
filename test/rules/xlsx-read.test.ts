import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleError } from '../../rules/errors.js';
import { loadEngineWorkbook } from '../../rules/engine-workbook.js';
import { runRuleSheet } from '../../rules/run.js';
import { readWorkbookXlsx } from '../../rules/xlsx/read-workbook.js';
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
    const { workbook, issues } = readWorkbookXlsx(new Uint8Array(readFileSync(path)), 'check.xlsx');
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Settings', 'Rows']);
    expect(workbook.sheets[1].cells[1]).toEqual(['sample', 1, '=IF(B2>Max,"size","")']);
    expect(issues).toEqual([]);
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
