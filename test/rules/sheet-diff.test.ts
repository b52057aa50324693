import { describe, expect, it } from 'vitest';
import { diffWorkbooks } from '../../rules/sheet-diff.js';
import type { CellInput, Workbook } from '../../rules/workbook.js';

const book = (sheets: Record<string, CellInput[][]>, names: Workbook['names'] = []): Workbook => ({
  sheets: Object.entries(sheets).map(([name, cells]) => ({ name, cells })),
  names,
});

const settings: CellInput[][] = [
  ['Type', 'Check'],
  ['Data', 'trades'],
  ['Match 1', 'exec_id = exec_id'],
  ['Param MaxQty', 5000],
];
const limits: CellInput[][] = [
  ['limit', 'value'],
  ['size', 5000],
  ['price', 0.05],
];
const rows: CellInput[][] = [
  ['qty', 'px', 'big', 'Exception'],
  [null, null, '=A2>Limits!$B$2', '=IF(C2,"size","")'],
  [100, 1, '=A3>Limits!$B$2', '=D2'],
  [200, 2, '=A4>Limits!$B$2', '=SUM(A2:A9)'],
];

describe('diffWorkbooks', () => {
  it('reports identical workbooks as no change', () => {
    const a = book({ Settings: settings, Rows: rows });
    expect(diffWorkbooks(a, structuredClone(a))).toEqual({
      changes: [],
      sheetsAdded: [],
      sheetsRemoved: [],
      structure: [],
      settings: [],
      names: [],
    });
  });

  it('reads a cell filled past the old width as an edit, not columns inserted', () => {
    // Settings is two columns wide; a note in D1 leaves column C empty on both sides.
    const a = book({ Settings: settings });
    const b = book({ Settings: settings.map((row, r) => (r === 0 ? [...row, null, 'my note'] : row)) });
    const diff = diffWorkbooks(a, b);
    expect(diff.structure).toEqual([]);
    expect(diff.changes).toEqual([{ sheet: 'Settings', cell: 'D1', before: null, after: 'my note' }]);
  });

  it('reports an inserted row as one entry, not shifted formulas below it as changed', () => {
    const a = book({ Settings: settings, Rows: rows });
    // A sample row inserted at row 3: every formula below moves down and its references with it.
    const b = book({
      Settings: settings,
      Rows: [
        rows[0],
        rows[1],
        [50, 9, '=A3>Limits!$B$2', '=D2'],
        // =D2 points above the insertion, so it stays =D2; =SUM(A2:A9) spans it and grows.
        [100, 1, '=A4>Limits!$B$2', '=D2'],
        [200, 2, '=A5>Limits!$B$2', '=SUM(A2:A10)'],
      ],
    });
    const diff = diffWorkbooks(a, b);
    expect(diff.structure).toEqual([{ sheet: 'Rows', rowsInserted: { at: 3, count: 1 } }]);
    // Only the inserted row's own cells, as typed.
    expect(diff.changes).toEqual([
      { sheet: 'Rows', cell: 'A3', before: null, after: 50 },
      { sheet: 'Rows', cell: 'B3', before: null, after: 9 },
      { sheet: 'Rows', cell: 'C3', before: null, after: '=A3>Limits!$B$2' },
      { sheet: 'Rows', cell: 'D3', before: null, after: '=D2' },
    ]);
  });

  it('reports a changed cell with before and after, and a Settings change by name', () => {
    const a = book({ Settings: settings, Rows: rows });
    const edited = structuredClone(rows);
    edited[1][3] = '=IF(C2,"size",IF(B2>1,"price",""))';
    const changedSettings = structuredClone(settings);
    changedSettings[2][1] = 'exec_id = exec_id, account = account';
    changedSettings[3][1] = 250;
    const diff = diffWorkbooks(a, book({ Settings: changedSettings, Rows: edited }));
    expect(diff.structure).toEqual([]);
    expect(diff.changes).toEqual([
      { sheet: 'Settings', cell: 'B3', before: 'exec_id = exec_id', after: 'exec_id = exec_id, account = account' },
      { sheet: 'Settings', cell: 'B4', before: 5000, after: 250 },
      { sheet: 'Rows', cell: 'D2', before: '=IF(C2,"size","")', after: '=IF(C2,"size",IF(B2>1,"price",""))' },
    ]);
    expect(diff.settings).toEqual([
      { name: 'Match 1', before: 'exec_id = exec_id', after: 'exec_id = exec_id, account = account' },
      { name: 'Param MaxQty', before: 5000, after: 250 },
    ]);
  });

  it('lists settings added and removed, and defined names that changed', () => {
    const a = book({ Settings: settings }, [{ name: 'Tol', expression: '=0.01' }]);
    const b = book({ Settings: [...settings.slice(0, 3), ['Key', 'exec_id']] }, [{ name: 'Tol', expression: '=0.02' }]);
    const diff = diffWorkbooks(a, b);
    expect(diff.settings).toEqual([
      { name: 'Key', before: null, after: 'exec_id' },
      { name: 'Param MaxQty', before: 5000, after: null },
    ]);
    expect(diff.names).toEqual([{ name: 'Tol', before: '=0.01', after: '=0.02' }]);
  });

  it('follows a row inserted in a reference sheet into the formulas that point at it', () => {
    const a = book({ Rows: rows, Limits: limits });
    // A row above `size` in Limits: Rows' `Limits!$B$2` becomes `Limits!$B$3`, which is no change.
    const b = book({
      Rows: rows.map((row) => row.map((cell) => (typeof cell === 'string' ? cell.replace('Limits!$B$2', 'Limits!$B$3') : cell))),
      Limits: [limits[0], ['notional', 1e6], limits[1], limits[2]],
    });
    const diff = diffWorkbooks(a, b);
    expect(diff.structure).toEqual([{ sheet: 'Limits', rowsInserted: { at: 2, count: 1 } }]);
    expect(diff.changes).toEqual([
      { sheet: 'Limits', cell: 'A2', before: null, after: 'notional' },
      { sheet: 'Limits', cell: 'B2', before: null, after: 1e6 },
    ]);
  });

  it('still reports a formula below an inserted row whose reference did not move with it', () => {
    const a = book({ Rows: rows });
    // Row 5's =SUM(A2:A9) should have become =SUM(A2:A10); keeping A9 is a real edit.
    const b = book({
      Rows: [
        rows[0],
        rows[1],
        [50, 9, '=A3>Limits!$B$2', '=D2'],
        [100, 1, '=A4>Limits!$B$2', '=D2'],
        [200, 2, '=A5>Limits!$B$2', '=SUM(A2:A9)'],
      ],
    });
    const diff = diffWorkbooks(a, b);
    expect(diff.structure).toEqual([{ sheet: 'Rows', rowsInserted: { at: 3, count: 1 } }]);
    expect(diff.changes.filter((c) => !c.cell.endsWith('3'))).toEqual([
      { sheet: 'Rows', cell: 'D5', before: '=SUM(A2:A9)', after: '=SUM(A2:A9)' },
    ]);
  });

  it('reports deleted rows with what they held, at their old address', () => {
    const a = book({ Limits: limits });
    const diff = diffWorkbooks(a, book({ Limits: [limits[0], limits[2]] }));
    expect(diff.structure).toEqual([{ sheet: 'Limits', rowsDeleted: { at: 2, count: 1 } }]);
    expect(diff.changes).toEqual([
      { sheet: 'Limits', cell: 'A2', before: 'size', after: null },
      { sheet: 'Limits', cell: 'B2', before: 5000, after: null },
    ]);
  });

  it('reports an inserted column as one entry, with formulas to its right shifted, not changed', () => {
    const a = book({ Rows: rows });
    // A column `note` inserted at B: px, big and Exception move right, their references too.
    const b = book({
      Rows: [
        ['qty', 'note', 'px', 'big', 'Exception'],
        [null, '="n"&A2', null, '=A2>Limits!$B$2', '=IF(D2,"size","")'],
        [100, null, 1, '=A3>Limits!$B$2', '=E2'],
        [200, null, 2, '=A4>Limits!$B$2', '=SUM(A2:A9)'],
      ],
    });
    const diff = diffWorkbooks(a, b);
    expect(diff.structure).toEqual([{ sheet: 'Rows', columnsInserted: { at: 'B', count: 1 } }]);
    expect(diff.changes).toEqual([
      { sheet: 'Rows', cell: 'B1', before: null, after: 'note' },
      { sheet: 'Rows', cell: 'B2', before: null, after: '="n"&A2' },
    ]);
  });

  it('finds a row and a column inserted in the same edit', () => {
    const b = book({
      Rows: [
        ['qty', 'note', 'px', 'big', 'Exception'],
        [null, '=A2', null, '=A2>Limits!$B$2', '=IF(D2,"size","")'],
        ['x', 'y', 'z'],
        [100, null, 1, '=A4>Limits!$B$2', '=E2'],
        [200, null, 2, '=A5>Limits!$B$2', '=SUM(A2:A10)'],
      ],
    });
    const diff = diffWorkbooks(book({ Rows: rows }), b);
    expect(diff.structure).toEqual([
      { sheet: 'Rows', rowsInserted: { at: 3, count: 1 } },
      { sheet: 'Rows', columnsInserted: { at: 'B', count: 1 } },
    ]);
    expect(diff.changes.map((c) => c.cell)).toEqual(['B1', 'B2', 'A3', 'B3', 'C3']);
  });

  it('reports rows edited in place as cell changes, not as rows deleted and inserted', () => {
    const a = book({ Limits: limits });
    const diff = diffWorkbooks(a, book({ Limits: [limits[0], ['notional', 1e6], limits[2]] }));
    expect(diff.structure).toEqual([]);
    expect(diff.changes).toEqual([
      { sheet: 'Limits', cell: 'A2', before: 'size', after: 'notional' },
      { sheet: 'Limits', cell: 'B2', before: 5000, after: 1e6 },
    ]);
  });

  it('reports sheets added and removed, with their cells', () => {
    const diff = diffWorkbooks(book({ Settings: settings, Old: [['gone']] }), book({ Settings: settings, Limits: limits.slice(0, 1) }));
    expect(diff.sheetsAdded).toEqual(['Limits']);
    expect(diff.sheetsRemoved).toEqual(['Old']);
    expect(diff.changes).toEqual([
      { sheet: 'Limits', cell: 'A1', before: null, after: 'limit' },
      { sheet: 'Limits', cell: 'B1', before: null, after: 'value' },
      { sheet: 'Old', cell: 'A1', before: 'gone', after: null },
    ]);
  });
});
