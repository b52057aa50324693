/**
 * The numbers of a statistical function's arguments, read as Excel reads them: in a range
 * or array only numbers count (text, TRUE/FALSE and blanks are skipped); a value typed
 * into the formula is coerced (TRUE is 1, "2" is 2, other text is #VALUE!); the first
 * error met is the result.
 */
import { CellError, SimpleRangeValue } from 'hyperformula';
import { numberOf, toNumber, type RawArg } from '../values.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST

/** Numbers of evaluated arguments; `asts` tells which were cell references (read like ranges). */
export function numbersOf(args: RawArg[], asts: Ast[] = []): number[] | CellError {
  const numbers: number[] = [];
  for (const [i, arg] of args.entries()) {
    if (arg instanceof SimpleRangeValue || asts[i]?.type === 'CELL_REFERENCE') {
      const values = arg instanceof SimpleRangeValue ? arg.valuesFromTopLeftCorner() : [arg];
      for (const v of values) {
        if (v instanceof CellError) return v;
        const n = numberOf(v);
        if (n !== null) numbers.push(n);
      }
    } else {
      // An omitted argument, as in KURT(1,,2), is a 0 as in Excel.
      const n = toNumber(arg);
      if (n instanceof CellError) return n;
      numbers.push(n);
    }
  }
  return numbers;
}

/** The numbers of one range argument (text, booleans and blanks skipped). */
export function rangeNumbers(range: SimpleRangeValue): number[] | CellError {
  return numbersOf([range]);
}

/** A value rounded to 15 significant digits, where Excel's decimal results are read. */
export const fifteen = (x: number) => Number(x.toPrecision(15));
