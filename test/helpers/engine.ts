/** Evaluates formulas over a small grid with Tickmark's real engine, as a workbook cell would. */
import { loadEngineWorkbook } from '../../rules/engine-workbook.js';
import { fromEngineValue } from '../../rules/field-values.js';
import type { CellInput, CellValue } from '../../rules/workbook.js';

/** The value of each formula, placed in row 21 (column A, B, …) below `grid`; errors as their code. */
export function evaluateAll(grid: CellInput[][], formulas: string[]): (CellValue | string)[] {
  const cells: CellInput[][] = Array.from({ length: 20 }, (_, r) => grid[r] ?? []);
  cells.push(formulas);
  const hf = loadEngineWorkbook({ sheets: [{ name: 'S', cells }], names: [] });
  try {
    return formulas.map((_, c) => {
      const value = fromEngineValue(hf.getCellValue({ sheet: 0, row: 20, col: c }));
      return value && typeof value === 'object' ? value.error : value;
    });
  } finally {
    hf.destroy();
  }
}

/** One formula's value (see evaluateAll). */
export function evaluateOne(grid: CellInput[][], formula: string): CellValue | string {
  return evaluateAll(grid, [formula])[0];
}

/** The values an array formula in A21 fills. */
export function evaluateArray(grid: CellInput[][], formula: string, height: number, width: number): (CellValue | string)[][] {
  const cells: CellInput[][] = Array.from({ length: 20 }, (_, r) => grid[r] ?? []);
  cells.push([formula]);
  const hf = loadEngineWorkbook({ sheets: [{ name: 'S', cells }], names: [] });
  try {
    return Array.from({ length: height }, (_, i) =>
      Array.from({ length: width }, (_, j) => {
        const value = fromEngineValue(hf.getCellValue({ sheet: 0, row: 20 + i, col: j }));
        return value && typeof value === 'object' ? value.error : value;
      }),
    );
  } finally {
    hf.destroy();
  }
}
