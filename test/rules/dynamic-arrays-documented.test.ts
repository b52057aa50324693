/**
 * Microsoft's documented examples of the dynamic-array and Logical functions
 * (test/excel/documented/dynamic-arrays.ts, logical.ts), each evaluated by Tickmark's engine
 * as a workbook cell and compared with the documented result. (G1's corpus runner checks the
 * same examples through .xlsx files; this one runs them straight in the engine.)
 */
import { describe, expect, it } from 'vitest';
import { loadEngineWorkbook } from '../../rules/engine-workbook.js';
import { fromEngineValue } from '../../rules/field-values.js';
import type { CellInput, CellValue } from '../../rules/workbook.js';
import { examples as dynamicArrays } from '../excel/documented/dynamic-arrays.js';
import type { DocumentedExample } from '../excel/documented/example.js';
import { examples as logical } from '../excel/documented/logical.js';

function at(address: string): { row: number; col: number } {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(digits) - 1, col };
}

/** Where the formula goes: its cell, or the first row below the data in column A. */
function formulaCell(example: DocumentedExample): { row: number; col: number } {
  if (example.cell) return at(example.cell);
  const rows = Object.keys(example.data ?? {}).map((a) => at(a).row);
  return { row: rows.length ? Math.max(...rows) + 1 : 0, col: 0 };
}

/** The values the example's formula gives, as a block the size of the expected one. */
function evaluate(example: DocumentedExample): CellValue | CellValue[][] {
  const cells: CellInput[][] = [];
  const put = (row: number, col: number, value: CellInput) => {
    cells[row] ??= [];
    cells[row][col] = value;
  };
  for (const [address, value] of Object.entries(example.data ?? {})) put(at(address).row, at(address).col, value);
  const target = formulaCell(example);
  put(target.row, target.col, example.formula);
  for (let r = 0; r < cells.length; r++) cells[r] ??= [];
  const hf = loadEngineWorkbook({ sheets: [{ name: 'S', cells }], names: [] });
  try {
    const read = (r: number, c: number) => plain(fromEngineValue(hf.getCellValue({ sheet: 0, row: target.row + r, col: target.col + c })));
    if (!Array.isArray(example.expected)) return read(0, 0);
    return example.expected.map((row, r) => row.map((_, c) => read(r, c)));
  } finally {
    hf.destroy();
  }
}

/** An error as its code alone (the documented results carry no messages). */
function plain(value: CellValue): CellValue {
  return value && typeof value === 'object' && 'error' in value ? { error: value.error } : value;
}

function close(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'number' && typeof actual === 'number')
    return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  return JSON.stringify(actual) === JSON.stringify(expected);
}

describe.each([
  ['dynamic arrays', dynamicArrays],
  ['logical', logical],
])('documented examples: %s', (_, examples) => {
  it.each(examples.map((e) => [`${e.fn} ${e.formula}`, e] as const))('%s', (_, example) => {
    const actual = evaluate(example);
    const expected = example.expected;
    const agrees = Array.isArray(expected)
      ? expected.every((row, r) => row.every((v, c) => close((actual as CellValue[][])[r][c], v)))
      : close(actual, expected);
    if (!agrees) expect(actual).toEqual(expected);
    expect(agrees).toBe(true);
  });
});
