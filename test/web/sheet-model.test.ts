import { describe, expect, it } from 'vitest';
import { SheetModel } from '../../web/src/lib/sheet-model.js';

const book = () =>
  new SheetModel({
    sheets: [
      {
        name: 'Rows',
        cells: [
          ['qty', 'px', 'value', 'check'],
          [2, 10, '=A2*B2', '=$A$2+Rates!A1'],
          [3, 20, null, null],
          [4, 30, null, null],
        ],
      },
      { name: 'Rates', cells: [[100]] },
    ],
    names: [],
  });

describe('the editor model', () => {
  it('fills down shifting relative references (other sheets too), keeping absolute ones', () => {
    const m = book();
    m.fillDown('Rows', { row: 1, col: 2, height: 1, width: 2 }, 3);
    expect([m.cell('Rows', 3, 2).raw, m.cell('Rows', 3, 3).raw]).toEqual(['=A4*B4', '=$A$2+Rates!A3']);
    expect(m.cell('Rows', 2, 2).text).toBe('60');
  });

  it('fills in any direction from the fill handle', () => {
    const m = book();
    m.fill('Rows', { row: 1, col: 2, height: 1, width: 1 }, { row: 1, col: 3, height: 1, width: 2 });
    expect([m.cell('Rows', 1, 3).raw, m.cell('Rows', 1, 4).raw]).toEqual(['=B2*C2', '=C2*D2']);
  });

  it('pastes a copied block with Excel shifting, and undoes and redoes through HyperFormula', () => {
    const m = book();
    m.pasteShifted('Rows', { row: 1, col: 2, height: 1, width: 1 }, { row: 3, col: 2 });
    expect(m.cell('Rows', 3, 2)).toMatchObject({ raw: '=A4*B4', text: '120', numeric: true });
    expect(m.undo()).toBe(true);
    expect(m.cell('Rows', 3, 2).raw).toBe('');
    expect(m.redo()).toBe(true);
    expect(m.cell('Rows', 3, 2).raw).toBe('=A4*B4');
  });

  it('types what people type as Excel does: numbers, booleans, an apostrophe for text, formulas; errors are explained', () => {
    const m = book();
    m.set('Rows', 5, 0, [['12.5', 'true', '00123', '=1/0', "'00123"]]);
    expect(m.toWorkbook().sheets[0].cells[5]).toEqual([12.5, true, 123, '=1/0', '00123']);
    expect(m.cell('Rows', 5, 4).raw).toBe("'00123");
    expect(m.cell('Rows', 5, 3).error).toEqual({ code: '#DIV/0!', message: 'division by zero' });
  });

  it('keeps typed text as text in the engine, not only in the saved workbook', () => {
    const m = book();
    m.set('Rows', 5, 0, [["'00123", '=ISTEXT(A6)', '=LEN(A6)']]);
    expect([m.cell('Rows', 5, 0).text, m.cell('Rows', 5, 1).text, m.cell('Rows', 5, 2).text]).toEqual(['00123', 'TRUE', '5']);
  });

  it('shows OFFSET and LET as written, and saves an array formula without the cells it fills', () => {
    const m = book();
    m.set('Rows', 6, 0, [['=SUM(OFFSET(A2:B2,1,0))', '=LET(x,A2,x*10)', '=ARRAYFORMULA(A2:B2*2)']]);
    expect(m.cell('Rows', 6, 0)).toMatchObject({ raw: '=SUM(OFFSET(A2:B2,1,0))', text: '23' });
    expect(m.cell('Rows', 6, 1)).toMatchObject({ raw: '=LET(x,A2,x*10)', text: '20' });
    expect([m.cell('Rows', 6, 2).text, m.cell('Rows', 6, 3).text]).toEqual(['4', '20']);
    expect(m.toWorkbook().sheets[0].cells[6]).toEqual(['=SUM(OFFSET(A2:B2,1,0))', '=LET(x,A2,x*10)', '=ARRAYFORMULA(A2:B2*2)', null]);
  });

  it('reads formulas written the Excel way: bare TRUE and FALSE, doubled quotes', () => {
    const m = book();
    m.set('Rows', 6, 0, [['=IF(A2>1,TRUE,FALSE)', '="say ""hi"""']]);
    expect(m.cell('Rows', 6, 0)).toMatchObject({ text: 'TRUE', raw: '=IF(A2>1,TRUE,FALSE)' });
    expect(m.cell('Rows', 6, 1).text).toBe('say "hi"');
    // The formula bar and the saved workbook show the quotes as they were typed.
    expect(m.cell('Rows', 6, 1).raw).toBe('="say ""hi"""');
    expect(m.toWorkbook().sheets[0].cells[6][1]).toBe('="say ""hi"""');
  });

  it('shows 0 for a formula whose result is an empty cell, as Excel does', () => {
    const m = book();
    m.set('Rows', 7, 0, [['=Z99']]);
    expect(m.cell('Rows', 7, 0)).toMatchObject({ text: '0', numeric: true });
    expect(m.cell('Rows', 7, 1).text).toBe('');
  });

  it('inserts and deletes rows and columns, moving references with them', () => {
    const m = book();
    m.insertRows('Rows', 1);
    expect(m.cell('Rows', 2, 2).raw).toBe('=A3*B3');
    m.removeColumns('Rows', 0);
    expect(m.cell('Rows', 2, 1).raw).toBe('=#REF!*A3');
    m.insertColumns('Rows', 0);
    expect(m.size('Rows').cols).toBe(4);
  });

  it('keeps column widths with the workbook it saves', () => {
    const m = book();
    m.setColumnWidth('Rows', 2, 18);
    expect(m.toWorkbook().sheets[0].columnWidths).toEqual([undefined, undefined, 18]);
  });
});

describe('the editor model and the rule sheet', () => {
  it('reads Param settings as names that follow their Settings cell, with nothing to undo after loading', () => {
    const m = new SheetModel({
      sheets: [
        {
          name: 'Settings',
          cells: [
            ['Type', 'Check'],
            ['Param MaxQty', 5000],
          ],
        },
        {
          name: 'Rows',
          cells: [
            ['qty', 'big'],
            [6000, '=A2>MaxQty'],
          ],
        },
      ],
      names: [],
    });
    expect(m.cell('Rows', 1, 1).text).toBe('TRUE');
    expect(m.undo()).toBe(false);
    m.set('Settings', 1, 1, [['7000']]);
    expect(m.cell('Rows', 1, 1).text).toBe('FALSE');
    expect(m.toWorkbook().names).toEqual([]);
  });

  it('refuses a formula that does not parse with the parser message, and nothing else', () => {
    const m = book();
    expect(m.refusal('=SUM(1,2))')).toBe('Parsing error. Redundant input, expecting the end of the formula but found ")"');
    expect(m.refusal('=IF(A1="x",1')).toBe('Parsing error. Expecting token of type ")" but found the end of the formula');
    expect(m.refusal('=NOSUCHFUNCTION(1)')).toBeNull();
    expect(m.refusal('SUM(1))')).toBeNull();
    expect(m.refusal(null)).toBeNull();
  });
});

describe('dates and times in the grid', () => {
  it('shows a date as its day and a time of day as h:mm, as a formatted Excel cell does; plain numbers stay numbers', () => {
    const m = new SheetModel({
      sheets: [
        {
          name: 'S',
          cells: [
            ['=DATE(2026,11,20)', '2026-11-20', '=OPTEXPIRY(2025,4)', '=MARKETCLOSE(DATE(2026,11,27))', '=TIME(9,30,15)', 46346, '=A1+0.5'],
          ],
        },
      ],
      names: [],
    });
    const shown = [0, 1, 2, 3, 4, 5].map((c) => m.cell('S', 0, c).text);
    // 2026-11-20 is serial 46346 (1900 system); April 2025's third Friday, the 18th, was Good Friday.
    expect(shown).toEqual(['2026-11-20', '2026-11-20', '2025-04-17', '13:00', '09:30:15', '46346']);
    expect(m.cell('S', 0, 1).raw).toBe('2026-11-20');
  });
});

describe('spilled cells', () => {
  // Two spills side by side and one below another, so the walk to a spill's formula cannot
  // stop at a neighbour's: B2 =SEQUENCE(2,3) fills B2:D3, E2 =SEQUENCE(2,2) fills E2:F3 right
  // against it, B4 =SEQUENCE(2) fills B4:B5 right under it.
  const m = new SheetModel({
    sheets: [
      {
        name: 'S',
        cells: [[null], [null, '=SEQUENCE(2,3)', null, null, '=SEQUENCE(2,2)'], [null], [null, '=SEQUENCE(2)'], [null], [null, 7]],
      },
    ],
    names: [],
  });
  const anchor = (row: number, col: number) => m.spillAnchor('S', row, col);

  it('names the formula cell a spilled value came from, as Excel’s formula bar does', () => {
    expect(anchor(1, 2)).toEqual({ row: 1, col: 1 }); // C2
    expect(anchor(2, 3)).toEqual({ row: 1, col: 1 }); // D3
    expect(anchor(2, 1)).toEqual({ row: 1, col: 1 }); // B3
    expect(anchor(2, 5)).toEqual({ row: 1, col: 4 }); // F3, of the spill beside
    expect(anchor(2, 4)).toEqual({ row: 1, col: 4 }); // E3
    expect(anchor(4, 1)).toEqual({ row: 3, col: 1 }); // B5, of the spill below
    expect(m.cell('S', 2, 3).text).toBe('6');
  });

  it('is null for a formula’s own cell, a plain value and an empty cell', () => {
    expect(anchor(1, 1)).toBeNull();
    expect(anchor(5, 1)).toBeNull();
    expect(anchor(0, 0)).toBeNull();
  });
});
