/**
 * The grid editor's model over every corpus workbook: opened and saved without an edit, a
 * workbook keeps its sheets in order and every cell as imported (formulas compared in the
 * engine's dialect, where Excel's bare TRUE is TRUE()).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseFormula } from '../../rules/formula-text.js';
import type { CellInput } from '../../rules/workbook.js';
import { readWorkbookXlsx } from '../../rules/xlsx/read-workbook.js';
import { CORPUS, corpusFiles } from '../../scripts/excel-conformance.js';
import { SheetModel } from '../../web/src/lib/sheet-model.js';

/** Rows without trailing empty cells or rows, formulas normalised. */
function comparable(rows: CellInput[][]): CellInput[][] {
  const out = rows.map((row) => {
    const cells = (row ?? []).map((v) => (typeof v === 'string' ? normaliseFormula(v) : (v ?? null)));
    while (cells.length && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}

describe('the editor model over real workbooks', () => {
  for (const file of corpusFiles().sort()) {
    it(`keeps ${relative(CORPUS, file)} as imported when saved without an edit`, () => {
      const { workbook } = readWorkbookXlsx(new Uint8Array(readFileSync(file)));
      const model = new SheetModel(workbook);
      try {
        const saved = model.toWorkbook();
        expect(saved.sheets.map((s) => s.name)).toEqual(workbook.sheets.map((s) => s.name));
        saved.sheets.forEach((sheet, i) => expect(comparable(sheet.cells), sheet.name).toEqual(comparable(workbook.sheets[i].cells)));
      } finally {
        model.destroy();
      }
    });
  }
});
