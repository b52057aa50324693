/**
 * Round trip over every corpus workbook: import, export, import again gives the same
 * sheets, formulas, values, names and widths, and the exported file carries Tickmark's
 * calculated value for every formula and asks Excel to recalculate on load.
 */
import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEngineWorkbook } from '../../rules/engine-workbook.js';
import { fromEngineValue, fromFormulaValue } from '../../rules/field-values.js';
import { agrees } from '../../rules/xlsx/conformance.js';
import { readWorkbookXlsx } from '../../rules/xlsx/read-workbook.js';
import { EXCEL_ERROR_CODES } from '../../rules/xlsx/error-codes.js';
import { writeWorkbookXlsx } from '../../rules/xlsx/write-workbook.js';
import type { Workbook } from '../../rules/workbook.js';
import { CORPUS, corpusFiles } from '../../scripts/excel-conformance.js';

function values(workbook: Workbook): Map<string, unknown> {
  const hf = loadEngineWorkbook(workbook);
  const out = new Map<string, unknown>();
  for (const sheet of workbook.sheets) {
    const id = hf.getSheetId(sheet.name)!;
    sheet.cells.forEach((row, r) =>
      row.forEach((_, c) => {
        const address = { sheet: id, row: r, col: c };
        const raw = hf.getCellValue(address);
        out.set(`${sheet.name}!${r},${c}`, hf.doesCellHaveFormula(address) ? fromFormulaValue(raw) : fromEngineValue(raw));
      }),
    );
  }
  hf.destroy();
  return out;
}

describe('xlsx round trip', () => {
  const files = corpusFiles().sort();

  it('covers the whole corpus', () => expect(files.length).toBeGreaterThan(50));

  for (const file of files) {
    it(`keeps ${relative(CORPUS, file)} through import, export and import`, () => {
      const first = readWorkbookXlsx(new Uint8Array(readFileSync(file)), 'in.xlsx');
      const exported = writeWorkbookXlsx(first.workbook);
      const second = readWorkbookXlsx(exported, 'out.xlsx');
      expect(second.workbook.sheets.map((s) => s.name)).toEqual(first.workbook.sheets.map((s) => s.name));
      second.workbook.sheets.forEach((sheet, i) => {
        const before = first.workbook.sheets[i];
        // Formulas and values cell for cell (trailing empty rows are not written).
        const trim = (cells: unknown[][]) => {
          const rows = cells.map((row) => row.map((v) => v ?? null));
          while (rows.length && rows[rows.length - 1].every((v) => v === null)) rows.pop();
          return rows.map((row) => {
            while (row.length && row[row.length - 1] === null) row.pop();
            return row;
          });
        };
        expect(trim(sheet.cells)).toEqual(trim(before.cells));
        expect(sheet.formats ?? {}).toEqual(before.formats ?? {});
        const widths = (w?: (number | null)[]) =>
          (w ?? []).map((x) => x ?? null).filter((x, i, all) => all.slice(i).some((y) => y !== null));
        expect(widths(sheet.columnWidths)).toEqual(widths(before.columnWidths));
      });
      expect(second.workbook.names).toEqual(first.workbook.names);
      expect(second.workbook.date1904).toBe(first.workbook.date1904);
      // Recalculated, both give the same values; the file carries those values for Excel to show.
      const a = values(first.workbook);
      const b = values(second.workbook);
      for (const [key, value] of a)
        expect(agrees(value as never, b.get(key) as never), `${key}: ${JSON.stringify(value)} vs ${JSON.stringify(b.get(key))}`).toBe(true);
      for (const [key, cachedValue] of second.cached) {
        const [sheet, address] = [key.slice(0, key.lastIndexOf('!')), key.slice(key.lastIndexOf('!') + 1)];
        const { r, c } = XLSX.utils.decode_cell(address);
        // #ERROR! (a formula HyperFormula cannot read) and #SPILL! have no code in Excel's files: they are written as #VALUE!.
        const calculated = a.get(`${sheet}!${r},${c}`) ?? null;
        const code = (calculated as { error?: string } | null)?.error;
        const expected = code && !(code in EXCEL_ERROR_CODES) ? { error: '#VALUE!' } : calculated;
        expect(
          agrees(expected as never, cachedValue) || (expected === null && cachedValue === ''),
          `${key} cached ${JSON.stringify(cachedValue)}, calculated ${JSON.stringify(expected)}`,
        ).toBe(true);
      }
      const zip = XLSX.CFB.read(Buffer.from(exported), { type: 'buffer' });
      expect(Buffer.from(XLSX.CFB.find(zip, '/xl/workbook.xml')!.content as Uint8Array).toString()).toMatch(
        /<calcPr[^>]*fullCalcOnLoad="1"/,
      );
    });
  }
});
