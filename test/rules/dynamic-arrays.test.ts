/**
 * Excel 365's dynamic arrays in Tickmark: spilling and #SPILL!, the spill reference `A2#`,
 * implicit intersection `@`, LAMBDA calls in Excel's syntax, and all of them through .xlsx.
 * Expected values follow Microsoft's "Dynamic array formulas and spilled array behavior",
 * "Spilled range operator" and "Implicit intersection operator: @" pages.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { loadEngineWorkbook } from '../../rules/engine-workbook.js';
import { fromEngineValue } from '../../rules/field-values.js';
import { excelFormula, fromEngineFormula, normaliseFormula, withoutPrefixes } from '../../rules/formula-text.js';
import { unsupportedFormulas } from '../../rules/xlsx/import-issues.js';
import { readWorkbookXlsx } from '../../rules/xlsx/read-workbook.js';
import { writeWorkbookXlsx } from '../../rules/xlsx/write-workbook.js';
import type { CellInput, Workbook } from '../../rules/workbook.js';

/** Every cell's value in a grid of `rows`×`cols` (errors as their code). */
function grid(cells: CellInput[][], rows: number, cols: number, names: Workbook['names'] = []): unknown[][] {
  const hf = loadEngineWorkbook({ sheets: [{ name: 'S', cells }], names });
  try {
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => {
        const v = fromEngineValue(hf.getCellValue({ sheet: 0, row: r, col: c }));
        return v && typeof v === 'object' ? v.error : v;
      }),
    );
  } finally {
    hf.destroy();
  }
}

describe('spilling', () => {
  it('fills the free cells below and right, readable by other cells', () => {
    expect(grid([['=SEQUENCE(3,2)', null, '=A2+100', '=SUM(A1:B3)']], 3, 4)).toEqual([
      [1, 2, 103, 21],
      [3, 4, null, null],
      [5, 6, null, null],
    ]);
  });

  it('is #SPILL! in the anchor when a cell it needs is taken, and writes nothing else', () => {
    expect(grid([['=SEQUENCE(3)'], [null], ['x']], 3, 1)).toEqual([['#SPILL!'], [null], ['x']]);
  });
});

describe('the spill reference A2#', () => {
  it("is the anchor's whole spilled range, as a reference", () => {
    // Arithmetic on it spills in an array formula (in a plain cell Tickmark intersects: docs/dynamic-arrays.md).
    const cells: CellInput[][] = [['=SEQUENCE(4)', '=SUM(A1#)', '=ROWS(A1#)', '=ARRAYFORMULA(A1#*10)', '=B1#', '=TAKE(A1#,2)']];
    expect(grid(cells, 4, 6)).toEqual([
      [1, 10, 4, 10, '#REF!', 1],
      [2, null, null, 20, null, 2],
      [3, null, null, 30, null, null],
      [4, null, null, 40, null, null],
    ]);
  });

  it('translates to ANCHORARRAY for the engine and the file, and back', () => {
    const formula = '=SUM(A2#)+\'Data sheet\'!$B$3#&"A2#"';
    expect(normaliseFormula(formula)).toBe('=SUM(ANCHORARRAY(A2))+ANCHORARRAY(\'Data sheet\'!$B$3)&"A2#"');
    expect(fromEngineFormula(normaliseFormula(formula))).toBe(formula);
    expect(excelFormula(formula)).toBe('=SUM(_xlfn.ANCHORARRAY(A2))+_xlfn.ANCHORARRAY(\'Data sheet\'!$B$3)&"A2#"');
    expect(withoutPrefixes(excelFormula(formula))).toBe(formula);
    // An error literal is not a spill reference.
    expect(normaliseFormula('=IFERROR(A1,#N/A)')).toBe('=IFERROR(A1,#N/A)');
  });
});

describe('implicit intersection @', () => {
  it("takes the range's cell in the formula's row or column, else #VALUE!; a function's first value", () => {
    const cells: CellInput[][] = [
      [10, '=@A1:A3', '=@A5:D5', '=@SEQUENCE(3)+1'],
      [20, '=@A1:A3', '=@A6:A9'],
      [30, '=@A1:A3'],
      [],
      [7, 8, 9],
    ];
    expect(grid(cells, 3, 4)).toEqual([
      [10, 10, 9, 2],
      [20, 20, '#VALUE!', null],
      [30, 30, null, null],
    ]);
  });

  it('is SINGLE in the engine and _xlfn.SINGLE in the file; Table[@Col] is left alone', () => {
    expect(normaliseFormula('=@A1:A10*2+@MAX(B:B)')).toBe('=SINGLE(A1:A10)*2+SINGLE(MAX(B:B))');
    expect(fromEngineFormula('=SINGLE(A1:A10)*2+SINGLE(1+2)')).toBe('=@A1:A10*2+@(1+2)');
    expect(excelFormula('=@A1:A10')).toBe('=_xlfn.SINGLE(A1:A10)');
    expect(withoutPrefixes('=_xlfn.SINGLE(A1:A10)')).toBe('=@A1:A10');
    expect(normaliseFormula('=SUM(T[@Amount])')).toBe('=SUM(T[@Amount])');
  });
});

describe('LAMBDA in Excel syntax', () => {
  it('spells calls for the engine and back: inline, through LET, and of a name', () => {
    const cases = ['=LAMBDA(x,y,x+y)(1,2)', '=LET(f,LAMBDA(x,x*2),f(3))', '=MYADD(1,2)', '=LAMBDA(x,LAMBDA(y,x+y)(2))(1)', '=LAMBDA(7)()'];
    const engine = cases.map(normaliseFormula);
    expect(engine).toEqual([
      '=LAMBDA.CALL(LAMBDA(x,y,x+y),1,2)',
      '=LET(f,LAMBDA(x,x*2),LAMBDA.CALL(f,3))',
      '=LAMBDA.CALL(MYADD,1,2)',
      '=LAMBDA.CALL(LAMBDA(x,LAMBDA.CALL(LAMBDA(y,x+y),2)),1)',
      '=LAMBDA.CALL(LAMBDA(7))',
    ]);
    expect(engine.map(fromEngineFormula)).toEqual(cases);
  });

  it('writes _xlfn. and _xlpm. as Excel does, and reads them back', () => {
    const formula = '=MAP(A1:A3,LAMBDA(v,v*2))';
    expect(excelFormula(formula)).toBe('=_xlfn.MAP(A1:A3,_xlfn.LAMBDA(_xlpm.v,_xlpm.v*2))');
    expect(withoutPrefixes(excelFormula(formula))).toBe(formula);
  });
});

describe('.xlsx round trip', () => {
  const workbook: Workbook = {
    sheets: [
      {
        name: 'S',
        cells: [
          [
            1,
            '=MYADD(A1,2)',
            '=SUM(D1#)',
            '=ARRAYFORMULA(SEQUENCE(2))',
            '=@A1:A2',
            '=LAMBDA(x,x*10)(A1)',
            '=BYROW(A1:A2,LAMBDA(r,SUM(r)))',
          ],
          [2],
        ],
      },
    ],
    names: [{ name: 'MYADD', expression: '=LAMBDA(x,y,x+y)' }],
  };

  it('keeps dynamic arrays, spill references, @ and LAMBDA names exactly', () => {
    const bytes = writeWorkbookXlsx(workbook);
    const back = readWorkbookXlsx(bytes, 'dynamic.xlsx').workbook;
    // A formula that spills by itself (BYROW here) is written as Excel's dynamic array, which
    // Tickmark reads back as ARRAYFORMULA: the same values, array arithmetic as in Excel 365.
    const expected = workbook.sheets[0].cells[0].map((cell) =>
      cell === '=BYROW(A1:A2,LAMBDA(r,SUM(r)))' ? `=ARRAYFORMULA(${cell.slice(1)})` : cell,
    );
    expect(back.sheets[0].cells[0]).toEqual(expected);
    expect(back.names).toEqual([expect.objectContaining({ name: 'MYADD', expression: '=LAMBDA(x,y,x+y)' })]);
    expect(unsupportedFormulas(back)).toEqual([]);
  });

  it("is read by SheetJS as Excel stores it, with Tickmark's values", () => {
    const raw = XLSX.read(writeWorkbookXlsx(workbook), { cellFormula: true, xlfn: true });
    const sheet = raw.Sheets.S;
    expect([sheet.B1.f, sheet.B1.v]).toEqual(['MYADD(A1,2)', 3]);
    expect([sheet.C1.f, sheet.C1.v]).toEqual(['SUM(_xlfn.ANCHORARRAY(D1))', 3]);
    expect([sheet.D1.f, sheet.D1.F, sheet.D2.v]).toEqual(['_xlfn.SEQUENCE(2)', 'D1:D2', 2]);
    // `=@A1:A2` is what legacy Excel meant by `=A1:A2`: it is written so, as Excel writes it (read back with @).
    expect([sheet.E1.f, sheet.E1.v]).toEqual(['A1:A2', 1]);
    expect([sheet.F1.f, sheet.F1.v]).toEqual(['_xlfn.LAMBDA(_xlpm.x,_xlpm.x*10)(A1)', 10]);
    expect([sheet.G1.f, sheet.G1.F, sheet.G2.v]).toEqual(['_xlfn.BYROW(A1:A2,_xlfn.LAMBDA(_xlpm.r,SUM(_xlpm.r)))', 'G1:G2', 2]);
    expect(raw.Workbook?.Names?.find((n) => n.Name === 'MYADD')?.Ref).toBe('_xlfn.LAMBDA(_xlpm.x,_xlpm.y,_xlpm.x+_xlpm.y)');
  });
});
