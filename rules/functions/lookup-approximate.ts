/**
 * Approximate matching in VLOOKUP, HLOOKUP and MATCH as Excel does it. HyperFormula's own
 * plugin (found through the public registry) is kept for exact matches, wildcards and its
 * indexes; only the sorted modes change: match type 1/TRUE is Excel's binary search (which
 * stops at an exact match and, on unsorted data, lands where Excel lands), and MATCH type -1
 * scans a descending list, stopping at the first value smaller than the one sought.
 * VLOOKUP and HLOOKUP also take an array constant as their table (`{1,2,3;"a","b","c"}`), as
 * Excel does; HyperFormula's own wrapper refuses anything but a range, though its search
 * handles arrays.
 */
import { CellError, ErrorType, HyperFormula, SimpleRangeValue, type FunctionPluginDefinition } from 'hyperformula';
import { approximatePosition, compare, comparable, plain } from './text-lookup.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal types

export function approximateLookupPlugin(): FunctionPluginDefinition {
  const LookupPlugin = HyperFormula.getFunctionPlugin('VLOOKUP') as Ast;
  const inherited = LookupPlugin.implementedFunctions;
  const plugin = class ExcelLookupPlugin extends LookupPlugin {
    static implementedFunctions = { VLOOKUP: inherited.VLOOKUP, HLOOKUP: inherited.HLOOKUP, MATCH: inherited.MATCH };

    // HyperFormula looks each method up on the class itself.
    vlookup(ast: Ast, state: Ast) {
      return this.tableLookup(ast, state, 'VLOOKUP');
    }

    hlookup(ast: Ast, state: Ast) {
      return this.tableLookup(ast, state, 'HLOOKUP');
    }

    /** VLOOKUP / HLOOKUP over a range or an array: HyperFormula's checks, then its search. */
    tableLookup(ast: Ast, state: Ast, name: 'VLOOKUP' | 'HLOOKUP') {
      return this.runFunction(
        ast.args,
        state,
        this.metadata(name),
        (key: unknown, table: SimpleRangeValue, index: number, sorted: boolean) => {
          if (index < 1) return new CellError(ErrorType.VALUE, 'the row or column index must be 1 or more');
          const across = name === 'VLOOKUP' ? table.width() : table.height();
          if (index > across)
            return new CellError(ErrorType.REF, `the index ${index} is past the table's last ${name === 'VLOOKUP' ? 'column' : 'row'}`);
          // returnOccurrence 'first': without it HyperFormula's wildcard search scans from the last row up.
          const options = {
            ordering: sorted ? 'asc' : 'none',
            ifNoMatch: sorted ? 'returnLowerBound' : 'returnNotFound',
            returnOccurrence: 'first',
          };
          const lookFor = typeof key === 'symbol' ? 0 : key;
          return name === 'VLOOKUP'
            ? this.doVlookup(lookFor, table, index - 1, options)
            : this.doHlookup(lookFor, table, index - 1, options);
        },
      );
    }

    match(ast: Ast, state: Ast) {
      return super.match(ast, state);
    }

    searchInRange(key: unknown, range: SimpleRangeValue, wildcards: boolean, options: Ast, strategy: Ast): number {
      if (options.ordering !== 'asc') return super.searchInRange(key, range, wildcards, options, strategy);
      return approximatePosition(this.cells(range), plain(key as never) as never);
    }

    doMatch(key: unknown, range: SimpleRangeValue, type: number): number | CellError {
      if (type === 0 && typeof key === 'string' && range.width() * range.height() > 0) {
        // HyperFormula's MATCH has no wildcard mode; Excel's exact MATCH takes `*`, `?` and `~`.
        if (range.width() > 1 && range.height() > 1) return new CellError(ErrorType.NA, 'MATCH searches one row or one column');
        const options = { ordering: 'none', ifNoMatch: 'returnNotFound', returnOccurrence: 'first' };
        const at = this.searchInRange(key, range, true, options, range.width() === 1 ? this.columnSearch : this.rowSearch);
        return at < 0 ? new CellError(ErrorType.NA, 'no value matches') : at + 1;
      }
      if (type !== 1 && type !== -1) return super.doMatch(key, range, type);
      if (range.width() > 1 && range.height() > 1) return new CellError(ErrorType.NA, 'MATCH searches one row or one column');
      const cells = this.cells(range);
      const value = plain(key as never) as never;
      const at = type === 1 ? approximatePosition(cells, value) : descendingPosition(cells, value);
      return at < 0 ? new CellError(ErrorType.NA, 'no value matches') : at + 1;
    }

    /** The values of a one-row or one-column range, in order. */
    cells(range: SimpleRangeValue) {
      return range.valuesFromTopLeftCorner().map((v) => plain(v as never));
    }
  };
  return plugin as unknown as FunctionPluginDefinition;
}

/** MATCH type -1: the last of a run of values not smaller than the one sought, or an exact match. */
function descendingPosition(cells: ReturnType<typeof plain>[], value: number | string | boolean): number {
  let found = -1;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (!comparable(cell, value)) continue;
    const side = compare(cell as never, value);
    if (side === 0) return i;
    if (side < 0) break;
    found = i;
  }
  return found;
}
