/**
 * Excel 365's array arithmetic in plain cells (issue 16): `=A1:A3*2` spills, and formulas
 * from legacy Excel keep their meaning because the .xlsx importer shows `@` where they meant
 * implicit intersection, as Excel 365 does on opening them. Golden values are worked out by
 * hand from Microsoft's "Implicit intersection operator: @" (a range gives the cell in the
 * formula's row or column, an array its top-left value) and "Dynamic array formulas".
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { loadEngineWorkbook } from '../../rules/engine-workbook.js';
import { fromEngineValue } from '../../rules/field-values.js';
import { runRuleSheet } from '../../rules/run.js';
import type { CellInput, CellValue, Workbook } from '../../rules/workbook.js';
import { legacyFormula, nameShapes, withoutImpliedAt } from '../../rules/xlsx/implicit-intersection.js';
import { readWorkbookXlsx } from '../../rules/xlsx/read-workbook.js';
import { writeWorkbookXlsx } from '../../rules/xlsx/write-workbook.js';
import { asRecord, dataset, memorySink, settings, workbook as ruleWorkbook } from '../helpers/workbooks.js';

/** The values of `block` (A1 notation) of the first sheet, evaluated by Tickmark's engine. */
function values(book: Workbook, block: string): CellValue[][] {
  const hf = loadEngineWorkbook(book);
  try {
    const { s, e } = XLSX.utils.decode_range(block);
    const out: CellValue[][] = [];
    for (let r = s.r; r <= e.r; r++) {
      const row: CellValue[] = [];
      for (let c = s.c; c <= e.c; c++) row.push(fromEngineValue(hf.getCellValue({ sheet: 0, row: r, col: c })));
      out.push(row);
    }
    return out;
  } finally {
    hf.destroy();
  }
}

const sheetOf = (cells: CellInput[][]): Workbook => ({ sheets: [{ name: 'S', cells }], names: [] });
const errorOf = (value: CellValue) => (typeof value === 'object' && value !== null && 'error' in value ? value.error : value);

describe('legacy formulas get @ where Excel 365 shows it', () => {
  it.each([
    // Microsoft's table of formulas as old Excel wrote them and as dynamic-array Excel shows them.
    ['=A1:A10', '=@A1:A10'],
    ['=INDEX(A1:A10,B1)', '=@INDEX(A1:A10,B1)'],
    ['=OFFSET(A1:A2,1,1)', '=@OFFSET(A1:A2,1,1)'],
    // Operators and one-value parameters take the row's cell of a range.
    ['=-F10:H10', '=-@F10:H10'],
    ['=LEN(H11:J11)', '=LEN(@H11:J11)'],
    ['=COUNTIF(G7:K7,E8:G8)', '=COUNTIF(G7:K7,@E8:G8)'],
    ['=A1:A3*2', '=@A1:A3*2'],
    ['=SUM(A1:A3*2)', '=SUM(@A1:A3*2)'],
    ['=(A1:A3>1)*B1:B3', '=(@A1:A3>1)*@B1:B3'],
    ['=IF(A1>0,B1:B3,C1:C3)', '=IF(A1>0,@B1:B3,@C1:C3)'],
    ['=\'Q 1\'!A1:A3&"x"', '=@\'Q 1\'!A1:A3&"x"'],
    ['=Data!A:A+1', '=@(Data!A:A)+1'],
  ])('%s is %s', (legacy, shown) => {
    expect(legacyFormula(legacy)).toBe(shown);
  });

  it.each([
    '=SUM(A1:A10)',
    '=SUMPRODUCT((A1:A3>1)*B1:B3)',
    '=COUNTIF(A1:A10,">1")',
    '=VLOOKUP(A2,B:C,2,FALSE)',
    '=ROWS(A1:A3)+ROW(A1:A3)',
    '=COUNTBLANK(B8:E9)',
    '=SUM({1,2,3}*2)',
    '=@A1:A3*2',
    '="A1:A3"&B1',
    '=IF(ISERROR(A3),CHOOSE(2,"a","b"))',
  ])('%s needs no @', (formula) => {
    expect(legacyFormula(formula)).toBe(formula);
  });

  it.each([
    ['=@A1:A3*2', '=A1:A3*2'],
    ['=@(Data!A:A)+1', '=Data!A:A+1'],
    ['=LEN(@H11:J11)', '=LEN(H11:J11)'],
    // An @ the legacy reading would not put there stays.
    ['=SUM(@A1:A3)', '=SUM(@A1:A3)'],
    ['=@A1:A3*A1:A3', '=@A1:A3*A1:A3'],
  ])('%s is written for legacy Excel as %s', (shown, written) => {
    expect(withoutImpliedAt(shown)).toBe(written);
  });

  it('puts @ before a name that stands for several cells, as =@ProdF', () => {
    const nameShape = nameShapes([
      { name: 'ProdF', expression: '=Sheet1!$B$7:$I$7' },
      { name: 'Rate', expression: '=0.05' },
    ]);
    expect(legacyFormula('=ProdF', { nameShape })).toBe('=@ProdF');
    expect(legacyFormula('=A1*Rate', { nameShape })).toBe('=A1*Rate');
  });
});

describe('arithmetic on ranges in a plain cell, as Excel 365', () => {
  const cells: CellInput[][] = [
    [1, 10, '=A1:A3*2', '=SUM(A1:A3*2)', '=A1:A3&"x"', '=(A1:A3>1)*B1:B3', '=LEN(E1:E3)'],
    [2, 20, null, null, null, null, null],
    [3, 30, null, null, null, null, null],
  ];

  it('spills =A1:A3*2 into three cells, and the text, comparison and LEN forms likewise', () => {
    expect(values(sheetOf(cells), 'C1:G3')).toEqual([
      [2, 12, '1x', 0, 2],
      [4, null, '2x', 20, 2],
      [6, null, '3x', 30, 2],
    ]);
  });

  it("spills a formula that is a range alone (=A1:A3, another sheet's too), a blank as 0", () => {
    const book: Workbook = {
      names: [],
      sheets: [
        { name: 'S', cells: [[1, '=A1:A3', "='Q 1'!A1:B2"], [null], ['x']] },
        {
          name: 'Q 1',
          cells: [
            ['a', true],
            [null, 4],
          ],
        },
      ],
    };
    expect(values(book, 'B1:D3')).toEqual([
      [1, 'a', true],
      [0, 0, 4],
      ['x', null, null],
    ]);
  });

  it('keeps @INDEX/MATCH to one cell, and @ intersects the column INDEX refers to', () => {
    const book = sheetOf([
      [1, 10, '=@INDEX(B1:B3,MATCH(2,A1:A3,0))', '=@INDEX(A1:B3,0,2)'],
      [2, 20, 'below', null],
      [3, 30, null, null],
      [null, null, null, '=@INDEX(A1:B3,0,2)'],
    ]);
    // B1:B3 meets row 1 at B1; row 4 is past it.
    expect(values(book, 'C1:D1')).toEqual([[20, 10]]);
    expect(errorOf(values(book, 'D4:D4')[0][0])).toBe('#VALUE!');
  });

  it('is #SPILL! when a cell in the way holds something, and spills again when it is cleared', () => {
    const blocked = cells.map((row) => [...row]);
    blocked[2][2] = 'in the way';
    expect(values(sheetOf(blocked), 'C1:C3').map((row) => errorOf(row[0]))).toEqual(['#SPILL!', null, 'in the way']);
  });
});

/** An .xlsx file as legacy Excel wrote it: plain formulas, no dynamic-array marks, cached values. */
function legacyFile(): Uint8Array {
  const ws: XLSX.WorkSheet = {
    A1: { t: 'n', v: 1 },
    A2: { t: 'n', v: 2 },
    A3: { t: 'n', v: 3 },
    // Row 2's cell of A1:A3 times 2, as Excel 2019 computed it.
    B2: { t: 'n', v: 4, f: 'A1:A3*2' },
    C2: { t: 'n', v: 2, f: 'LEN(A1:A3&"x")' },
    // A Ctrl+Shift+Enter array formula: array arithmetic, fixed to its cell.
    D1: { t: 'n', v: 12, f: 'SUM(A1:A3*2)', F: 'D1' },
    '!ref': 'A1:D3',
  };
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, ws, 'S');
  return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

function sheetXml(bytes: Uint8Array): string {
  const zip = XLSX.CFB.read(Buffer.from(bytes), { type: 'buffer' });
  return Buffer.from(XLSX.CFB.find(zip, '/xl/worksheets/sheet1.xml')!.content as Uint8Array).toString('utf8');
}

describe('a legacy .xlsx formula keeps its meaning', () => {
  const imported = readWorkbookXlsx(legacyFile());

  it('shows @ where it meant implicit intersection and evaluates it so', () => {
    const cells = imported.workbook.sheets[0].cells;
    expect(cells[1][1]).toBe('=@A1:A3*2');
    expect(cells[1][2]).toBe('=LEN(@A1:A3&"x")');
    expect(values(imported.workbook, 'B2:C3')).toEqual([
      [4, 2],
      [null, null],
    ]);
  });

  it('leaves a legacy array formula {=…} to array arithmetic, without @', () => {
    expect(imported.workbook.sheets[0].cells[0][3]).toBe('=ARRAY_CONSTRAIN(ARRAYFORMULA(SUM(A1:A3*2)),1,1)');
    expect(values(imported.workbook, 'D1:D1')).toEqual([[12]]);
  });

  it('keeps values and marks through import, export and import', () => {
    // The legacy formula, and one typed in Tickmark that means array arithmetic in one cell.
    const book: Workbook = structuredClone(imported.workbook);
    book.sheets[0].cells[0][4] = '=SUM(A1:A3*2)';
    const bytes = writeWorkbookXlsx(book);
    const xml = sheetXml(bytes);
    // Excel 2019 would read =SUM(A1:A3*2) as implicit intersection: it travels as a dynamic array.
    expect(xml).toMatch(/<c cm="1" r="E1"/);
    expect(xml).not.toMatch(/<c cm="1" r="B2"/);
    // The legacy formula is written as Excel writes it, its implied @ left out.
    const raw = XLSX.read(bytes, { cellFormula: true, xlfn: true }).Sheets.S;
    expect([raw.B2.f, raw.B2.F, raw.C2.f, raw.E1.f]).toEqual(['A1:A3*2', undefined, 'LEN(A1:A3&"x")', 'SUM(A1:A3*2)']);
    const again = readWorkbookXlsx(bytes);
    const cells = again.workbook.sheets[0].cells;
    expect(cells[1][1]).toBe('=@A1:A3*2');
    expect(cells[1][2]).toBe('=LEN(@A1:A3&"x")');
    expect(values(again.workbook, 'B1:E2')).toEqual([
      [null, null, 12, 12],
      [4, 2, null, null],
    ]);
    expect([again.cached.get('S!B2'), again.cached.get('S!E1')]).toEqual([4, 12]);
  });
});

describe('Rows formulas that meet a range', () => {
  const trades = dataset(
    'trades',
    ['id', 'qty'],
    [
      ['T1', 1],
      ['T2', 2],
      ['T3', 3],
      ['T4', 4],
    ],
  );
  const sheet = (formula: string) =>
    ruleWorkbook({
      Settings: settings({ Type: 'Check', Data: 'trades', Key: 'id' }),
      Rows: [
        ['id', 'qty', 'value', 'Exception'],
        [null, null, formula, '=""'],
      ],
      Limits: [
        ['Limit', 'Value'],
        ['a', 10],
        ['b', 20],
        ['c', 30],
      ],
    });
  const run = async (formula: string, evaluator?: 'hyperformula') => {
    const sink = memorySink();
    await runRuleSheet({ workbook: sheet(formula), datasets: { trades }, sink, ...(evaluator ? { evaluator } : {}) });
    return sink.results.map((r) => asRecord(sink.headers, r).value);
  };

  it('take the row’s cell of the range (legacy implicit intersection), with both evaluators', async () => {
    // Rows 2–4 meet Limits!B2:B4 (10, 20, 30); row 5 is past it: #VALUE!.
    for (const evaluator of [undefined, 'hyperformula'] as const) {
      const got = await run('=B2*Limits!$B$2:$B$4', evaluator);
      expect(got.slice(0, 3)).toEqual([10, 40, 90]);
      expect(errorOf(got[3])).toBe('#VALUE!');
    }
  });

  it('pick one cell with INDEX as before, past the range #REF!', async () => {
    for (const evaluator of [undefined, 'hyperformula'] as const) {
      const got = await run('=INDEX(Limits!$B$2:$B$4,B2)', evaluator);
      expect(got.slice(0, 3)).toEqual([10, 20, 30]);
      expect(errorOf(got[3])).toBe('#REF!');
    }
  });

  it('are an error naming the column when the result is an array, not its first value', async () => {
    for (const evaluator of [undefined, 'hyperformula'] as const) {
      const got = await run('=SEQUENCE(2)', evaluator);
      expect(got.map(errorOf)).toEqual(['#VALUE!', '#VALUE!', '#VALUE!', '#VALUE!']);
      expect(got[0]).toMatchObject({ message: expect.stringContaining('column "value"') });
    }
  });
});
