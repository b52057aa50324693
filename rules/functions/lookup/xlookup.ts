/**
 * `XLOOKUP(lookup_value, lookup_array, return_array, [if_not_found], [match_mode], [search_mode])`
 * as Excel 365 documents it. It replaces HyperFormula's, which returns 0 instead of #N/A when
 * match_mode -1 or 1 finds no smaller or larger item.
 *
 * * lookup_array is one row or one column; return_array has as many rows (or columns), and
 *   the matching row (or column) of it is returned, so a wide return_array spills.
 * * match_mode 0 exact (case-insensitive), -1 exact or next smaller, 1 exact or next larger,
 *   2 wildcards (`*`, `?`, `~`). search_mode 1 first to last, -1 last to first; 2 and -2
 *   (binary search over sorted data) give what a scan gives on sorted data, which is what the
 *   documentation promises; on unsorted data Excel's answer is undefined.
 * * No match: if_not_found when it is given, else #N/A. An empty lookup_value finds an empty cell.
 * * An empty cell in the result is 0, as Excel shows it.
 */
import { ArraySize, CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { spill } from '../arrays/grid.js';
import { findPosition, plain } from '../text-lookup.js';
import { isEmpty, type RawArg } from '../values.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const RANGE = { argumentType: FunctionArgumentType.RANGE };

/** The 0-based position XLOOKUP picks in `keys`, or -1. */
export function xlookupPosition(lookup: RawArg, keys: RawArg[], matchMode: number, searchMode: number): number {
  const values = keys.map((k) => plain(k as never));
  const fromEnd = searchMode < 0;
  if (isEmpty(lookup)) {
    const order = values.map((_, i) => i);
    if (fromEnd) order.reverse();
    return order.find((i) => values[i] === null) ?? -1;
  }
  return findPosition(plain(lookup as never), values, matchMode, fromEnd);
}

export class XlookupPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    XLOOKUP: {
      method: 'xlookup',
      parameters: [
        { argumentType: FunctionArgumentType.NOERROR },
        RANGE,
        RANGE,
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 1 },
      ],
      sizeOfResultArrayMethod: 'xlookupSize',
      vectorizationForbidden: true,
    },
  };

  xlookup(ast: Ast, state: State) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata('XLOOKUP'),
      (lookup: RawArg, keys: SimpleRangeValue, results: SimpleRangeValue, ifNotFound: RawArg, matchMode: number, searchMode: number) => {
        if (![0, -1, 1, 2].includes(matchMode)) return new CellError(ErrorType.VALUE, 'match_mode must be 0, -1, 1 or 2');
        if (![1, -1, 2, -2].includes(searchMode)) return new CellError(ErrorType.VALUE, 'search_mode must be 1, -1, 2 or -2');
        const vertical = keys.width() === 1;
        if (!vertical && keys.height() !== 1) return new CellError(ErrorType.VALUE, 'lookup_array must be one row or one column');
        const length = vertical ? keys.height() : keys.width();
        if ((vertical ? results.height() : results.width()) !== length)
          return new CellError(ErrorType.VALUE, `return_array must have ${length} ${vertical ? 'rows' : 'columns'}, as lookup_array has`);
        const at = xlookupPosition(lookup, keys.valuesFromTopLeftCorner(), matchMode, searchMode);
        if (at < 0)
          return isEmpty(ifNotFound) ? new CellError(ErrorType.NA, 'no match for the lookup value') : (single(ifNotFound) as never);
        const picked = vertical ? [results.data[at]] : results.data.map((row) => [row[at]]);
        const grid = picked.map((row) => row.map((v) => (isEmpty(v) ? 0 : v)));
        return grid.length === 1 && grid[0].length === 1 ? (grid[0][0] as never) : SimpleRangeValue.onlyValues(grid as never);
      },
    );
  }

  /** One row of return_array (a vertical lookup) or one column of it (a horizontal one). */
  xlookupSize(ast: Ast, state: State) {
    if (ast.args.length < 3) return ArraySize.error();
    const keys = this.arraySizeForAst(ast.args[1], state);
    const results = this.arraySizeForAst(ast.args[2], state);
    return keys.width === 1 ? spill(results.width, 1) : spill(1, results.height);
  }
}

/** if_not_found as the result: its first value when it is a range. */
function single(value: RawArg): RawArg {
  return value instanceof SimpleRangeValue ? value.data[0][0] : value;
}
