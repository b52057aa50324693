/**
 * `INDEX(table, MATCH(…), [column])` compiled (issue 14): the row comes from a compiled MATCH
 * (lookups.ts), so it is a whole number of at least 1 or an error, and the cell is read from
 * the table read once per run. Mirrors Tickmark's PickPlugin (rules/functions/pick.ts): its
 * ANY arguments return an error as the result, a one-column table takes a single index,
 * a one-row table counts along the row, past the end is #REF!, and a picked empty cell stays
 * empty. Any other INDEX (a row that could be 0, which picks a whole column, a column that is
 * not a number written in the formula) falls back.
 */
import { CellError, ErrorType, HyperFormula } from 'hyperformula';
import type { LookupCompiler } from './lookups.js';
import type { Table } from './lookup-table.js';
import type { Node } from './parse.js';
import { err, type Value } from './values.js';

function unwrap(n: Node | undefined): Node | undefined {
  return n?.k === 'paren' ? unwrap(n.e) : n;
}

/** The compiled INDEX, or why not. */
export function compileIndex<C>(
  args: Node[],
  k: LookupCompiler<C>,
  tableOf: (n: Node | undefined) => Table | string,
): ((c: C) => Value) | string {
  const plugin = HyperFormula.getFunctionPlugin('INDEX') as { name?: string } | undefined;
  if (plugin?.name !== 'PickPlugin')
    return `uses INDEX, now implemented by ${plugin?.name ?? 'no plugin'}, which the compiler does not mirror`;
  if (args.length < 2 || args.length > 3) return `uses INDEX with ${args.length} arguments`;
  const match = unwrap(args[1]);
  if (match?.k !== 'call' || match.name !== 'MATCH') return 'uses INDEX with a row that is not a MATCH (a row of 0 picks a whole column)';
  const table = tableOf(args[0]);
  if (typeof table === 'string') return `uses INDEX: ${table}`;
  if (table.wholeColumns) {
    // The engine's height of a whole column can pass the data (lookup-table.ts); a MATCH over
    // whole columns of the same sheet never points past the data, so the two agree.
    const searched = unwrap(match.args[1]);
    if (searched?.k !== 'range' || searched.start.row !== null || searched.sheet?.toLowerCase() !== table.sheet.toLowerCase())
      return 'uses INDEX over whole columns with a MATCH that is not over whole columns of the same sheet';
  }
  const outside = err(ErrorType.REF, 'INDEX points outside the array');
  let column: number;
  let alongRow = false;
  if (args.length === 3) {
    const written = unwrap(args[2]);
    if (written?.k !== 'num' || !Number.isInteger(written.v) || written.v < 1)
      return 'uses INDEX with a column that is not a whole number of 1 or more written in the formula';
    column = written.v;
    if (column > table.width) return 'uses INDEX with a column past the table (#REF! in every row)';
  } else if (table.height === 1 && table.width > 1) {
    alongRow = true;
    column = 0;
  } else if (table.width === 1) column = 1;
  else return 'uses INDEX over several rows and columns without a column (it picks a whole row)';
  const row = k.node(args[1]);
  return (c) => {
    const m = row(c);
    if (m instanceof CellError) return m;
    // MATCH gives a whole number of at least 1 here.
    const at = m as number;
    if (alongRow) return at > table.width ? outside : table.cell(0, at - 1);
    return at > table.height ? outside : table.cell(at - 1, column - 1);
  };
}
