/**
 * One cell never takes down the rest: a defined name HyperFormula refuses, a function that
 * throws while evaluating, and an engine failure on the whole workbook are each noted where
 * they are, never an exception out of the build, the recalculation or the upload's issue list.
 * The throwing functions are real plugins registered with HyperFormula, not mocks.
 */
import * as XLSX from '@e965/xlsx';
import { FunctionArgumentType, FunctionPlugin, HyperFormula } from 'hyperformula';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngineWorkbook, type SkippedName } from '../../rules/engine-workbook.js';
import { RuleError } from '../../rules/errors.js';
import { guardPlugin, isGuarded } from '../../rules/functions/guard.js';
import { ownNames } from '../../rules/functions/language.js';
import { createEngine } from '../../rules/hf.js';
import { recalcWorkbook } from '../../rules/recalc.js';
import type { Workbook } from '../../rules/workbook.js';
import { unsupportedFormulas } from '../../rules/xlsx/import-issues.js';
import { readWorkbookXlsx } from '../../rules/xlsx/read-workbook.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal types
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `FAILS(x)` is x, but throws (as a bug would) for x above 1; `BADSIZE(x)` is x, but its array-size method throws. */
class FailingPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    FAILS: { method: 'fails', parameters: [{ argumentType: FunctionArgumentType.NUMBER }] },
    BADSIZE: { method: 'badSize', parameters: [{ argumentType: FunctionArgumentType.NUMBER }], sizeOfResultArrayMethod: 'failingSize' },
  };

  badSize(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('BADSIZE'), (x: number) => x);
  }

  failingSize(): never {
    throw new Error('size bug');
  }

  fails(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('FAILS'), (x: number) => {
      if (x > 1) throw new TypeError(`cannot read properties of undefined (x = ${x})`);
      return x;
    });
  }
}

/** The same bug, registered without the guard: it stands for a failure outside any function. */
class UnguardedPlugin extends FunctionPlugin {
  static override implementedFunctions = { UNGUARDED: { method: 'unguarded', parameters: [] } };

  unguarded(): never {
    throw new Error('engine bug');
  }
}

/** A real .xlsx with cached values, one sheet `S`, and defined names. */
function xlsx(rows: unknown[][], names: { Name: string; Ref: string }[] = []): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'S');
  book.Workbook = { Names: names };
  return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
}

const sheet = (cells: Workbook['sheets'][number]['cells'], names: Workbook['names'] = []): Workbook => ({
  sheets: [{ name: 'S', cells }],
  names,
});

describe('a function that throws while evaluating', () => {
  beforeAll(() => {
    createEngine().destroy(); // registers Tickmark's functions (and guards HyperFormula's)
    HyperFormula.registerFunctionPlugin(guardPlugin(FailingPlugin), ownNames(FailingPlugin));
  });
  afterAll(() => HyperFormula.unregisterFunctionPlugin(FailingPlugin));

  it("guards every function plugin registered, Tickmark's and HyperFormula's", () => {
    const plugins = HyperFormula.getAllFunctionPlugins();
    expect(plugins.length).toBeGreaterThan(40);
    expect(plugins.filter((p) => !isGuarded(p)).map((p) => p.name)).toEqual([]);
  });

  it('is a #VALUE! in that cell and its dependents; every other cell evaluates', () => {
    const hf = loadEngineWorkbook(sheet([[1, '=FAILS(A1)', '=FAILS(A1+1)', '=C1+1', '=IFERROR(C1,"caught")', '=SUM(A1:B1)']]));
    const values = hf.getSheetValues(0)[0];
    hf.destroy();
    expect(values.slice(0, 2)).toEqual([1, 1]);
    expect(values[2]).toMatchObject({
      value: '#VALUE!',
      message: 'the engine failed on this formula: cannot read properties of undefined (x = 2)',
    });
    expect(values[3]).toMatchObject({ value: '#VALUE!' });
    expect(values.slice(4)).toEqual(['caught', 2]);
  });

  it('in an array-size method, costs only the size: the cell is sized as one value and evaluates', () => {
    // Unguarded, HyperFormula turns it into a parse error ("Invalid range size") for the cell.
    const hf = loadEngineWorkbook(sheet([[3, '=BADSIZE(A1)', '=A1+1']]));
    const values = hf.getSheetValues(0)[0];
    hf.destroy();
    expect(values).toEqual([3, 3, 4]);
  });

  it('is listed by cell among the import issues', () => {
    expect(unsupportedFormulas(sheet([[2, '=FAILS(A1)', '=A1*3']]))).toEqual([
      {
        sheet: 'S',
        cell: 'B1',
        message: expect.stringMatching(/^Tickmark cannot evaluate this formula: the engine failed on this formula/),
      },
    ]);
  });

  it("keeps Excel's cached value for that cell in recalc", () => {
    const result = recalcWorkbook(xlsx([[2, { t: 'n', v: 7, f: 'FAILS(A1)' }, { t: 'n', v: 0, f: 'A1*3' }]]));
    expect(result.kept).toEqual(['S!B1']);
    expect(Object.fromEntries(readWorkbookXlsx(result.bytes).cached)).toEqual({ 'S!B1': 7, 'S!C1': 6 });
  });
});

describe('a workbook defined name HyperFormula cannot hold', () => {
  // Excel allows a name with a relative reference (it moves with the cell using it); HyperFormula
  // refuses that, and "a?b" as a name.
  const names = [
    { name: 'Here', expression: '=S!A1' },
    { name: 'a?b', expression: '=1' },
    { name: 'Fixed', expression: '=S!$A$1' },
  ];

  it('is left out and reported, never thrown; formulas using it give #NAME?', () => {
    const skipped: SkippedName[] = [];
    const hf = loadEngineWorkbook(sheet([[5, '=Here*2', '=Fixed*2']], names), { skippedNames: skipped });
    const values = hf.getSheetValues(0)[0];
    hf.destroy();
    expect(skipped.map((s) => s.name)).toEqual(['Here', 'a?b']);
    expect(skipped[0].message).toMatch(/Relative addresses/);
    expect(values[1]).toMatchObject({ value: '#NAME?' });
    expect(values[2]).toBe(10);
  });

  it('is an import issue by name, and so is each formula using it', () => {
    expect(unsupportedFormulas(sheet([[5, '=Here*2', '=Fixed*2']], names))).toEqual([
      {
        sheet: '',
        cell: '',
        name: 'Here',
        message:
          'Tickmark cannot hold the name "Here" (Relative addresses not allowed in named expressions); formulas using it give #NAME?',
      },
      {
        sheet: '',
        cell: '',
        name: 'a?b',
        message: expect.stringMatching(/^Tickmark cannot hold the name "a\?b" \(Name of Named Expression 'a\?b' is invalid\)/),
      },
      { sheet: 'S', cell: 'B1', message: 'Tickmark cannot evaluate this formula: it uses the name "Here", which Tickmark cannot hold' },
    ]);
  });

  it('stays an error for a Param setting, naming its cell: that is what the user typed', () => {
    const load = () => loadEngineWorkbook(sheet([[1]]), { params: { A1: 5 }, paramRows: { a1: 4 } });
    expect(load).toThrow(RuleError);
    expect(load).toThrow(
      expect.objectContaining({ code: 'bad_setting', place: expect.objectContaining({ sheet: 'Settings', cell: 'B4' }) }),
    );
  });

  it("keeps Excel's value in recalc for the formulas using it", () => {
    const result = recalcWorkbook(
      xlsx(
        [[5, { t: 'n', v: 10, f: 'Here*2' }, { t: 'n', v: 0, f: 'Fixed*3' }]],
        [
          { Name: 'Here', Ref: 'S!A1' },
          { Name: 'Fixed', Ref: 'S!$A$1' },
        ],
      ),
    );
    expect(result.issues.map((i) => i.name ?? `${i.sheet}!${i.cell}`)).toEqual(['Here', 'S!B1']);
    expect(result.kept).toEqual(['S!B1']);
    expect(Object.fromEntries(readWorkbookXlsx(result.bytes).cached)).toEqual({ 'S!B1': 10, 'S!C1': 15 });
  });
});

describe('an engine failure outside any one function', () => {
  beforeAll(() => {
    createEngine().destroy();
    HyperFormula.registerFunctionPlugin(UnguardedPlugin, ownNames(UnguardedPlugin));
  });
  afterAll(() => HyperFormula.unregisterFunctionPlugin(UnguardedPlugin));

  it('makes recalc keep every cached value and say why, instead of failing', () => {
    const data = xlsx([[2, { t: 'n', v: 4, f: 'A1*2' }, { t: 'n', v: 9, f: 'UNGUARDED()' }]]);
    const result = recalcWorkbook(data, 'bug.xlsx');
    expect(result.kept).toEqual(['S!B1', 'S!C1']);
    expect(result.issues).toEqual([
      { sheet: '', cell: '', message: "the engine failed on this workbook (engine bug); every formula keeps Excel's value" },
    ]);
    expect(readWorkbookXlsx(result.bytes).cached).toEqual(readWorkbookXlsx(data).cached);
  });

  it('is one import issue for the workbook', () => {
    expect(unsupportedFormulas(sheet([['=UNGUARDED()']]))).toEqual([
      { sheet: '', cell: '', message: 'the workbook cannot be evaluated: engine bug' },
    ]);
  });
});
