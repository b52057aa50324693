import { describe, expect, it } from 'vitest';
import { EXCEL_ARGUMENTS } from '../../web/src/lib/excel-arguments.js';
import { completeFunction, functionList, suggestionsFor, typedFunctionPrefix, typedNames } from '../../web/src/lib/functions.js';

/** Registered names completion leaves out on purpose: the engine's operators and aliases Excel does not have. */
const ENGINE_ONLY = new Set([
  ...['ADD', 'CONCAT', 'DIVIDE', 'EQ', 'GT', 'GTE', 'LT', 'LTE', 'MINUS', 'MULTIPLY', 'NE', 'POW', 'UMINUS', 'UNARY_PERCENT', 'UPLUS'].map(
    (n) => `HF.${n}`,
  ),
  ...['CHIDISTRT', 'CHIINVRT', 'COVARIANCEP', 'COVARIANCES', 'FDISTRT', 'FINVRT', 'LOGNORMINV', 'POISSONDIST', 'SKEWP', 'STDEVS'],
  ...['TDIST2T', 'TDISTRT', 'TINV2T', 'VARS', 'WEIBULLDIST', 'INTERVAL', 'ISBINARY', 'MAXPOOL', 'MEDIANPOOL', 'VERSION'],
  // The engine's spelling of `A2#`, `@` and a LAMBDA's call and omitted argument: typed as Excel writes them.
  ...['ANCHORARRAY', 'SINGLE', 'LAMBDA.CALL', 'LAMBDA.OMITTED'],
  // The engine's spelling of `A2:CHOOSE(…)`, a union `(B2:D4,E5)` and a range alone `=A1:A3` (range-ends.ts, spill.ts).
  ...['XLRANGE', 'XLUNION', 'SPILL.RANGE'],
]);

describe('formula completion', () => {
  it("offers Excel's names, Tickmark's additions included, and hides the engine's internal ones", () => {
    const names = functionList().map((f) => f.name);
    for (const name of ['OFFSET', 'LET', 'LINEST', 'TREND', 'VLOOKUP', 'YEARFRAC', 'BDAYS', 'TEXTAFTER']) expect(names).toContain(name);
    for (const hidden of ['XLOFFSET', 'LET.BOUND', 'HF.ADD', 'VARS', 'XLRANGE', 'XLUNION', 'SPILL.RANGE'])
      expect(names).not.toContain(hidden);
    expect(names.filter((n) => n === 'OFFSET')).toHaveLength(1);
    expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(names);
  });

  it('has an entry with argument names for every function the engine registers, or leaves it out on purpose', () => {
    const missing = typedNames().filter((n) => EXCEL_ARGUMENTS[n] === undefined && !ENGINE_ONLY.has(n));
    expect(missing, 'add these to web/src/lib/excel-arguments.ts').toEqual([]);
    expect(functionList().length).toBeGreaterThan(390);
  });

  it('names no argument the HyperFormula way (its types: any, noerror, scalar, string, boolean, …)', () => {
    for (const { signature } of functionList()) {
      const args = signature.slice(signature.indexOf('(') + 1, -1);
      for (const arg of args ? args.split(', ') : []) {
        const name = arg.replace(/^\[|\]$/g, '');
        // `range` stays: it is Excel's own name in SUMIF, COUNTIF, AVERAGEIF and COUNTBLANK.
        expect(name, signature).not.toMatch(/^(any|noerror|scalar|string|boolean|integer|complex)$/);
        expect(name, signature).not.toMatch(/\?$/);
        expect(name, signature).toMatch(/^(\.\.\.|[A-Za-z][A-Za-z0-9_']*|\[?[a-z_0-9]+, [a-z_0-9]+\]?)$/);
      }
    }
  });

  it("agrees with Microsoft's function reference (checked against support.microsoft.com by hand)", () => {
    const signature = (name: string) => functionList().find((f) => f.name === name)?.signature;
    expect(signature('VLOOKUP')).toBe('VLOOKUP(lookup_value, table_array, col_index_num, [range_lookup])');
    expect(signature('IFERROR')).toBe('IFERROR(value, value_if_error)');
    expect(signature('SUMIFS')).toBe('SUMIFS(sum_range, criteria_range1, criteria1, [criteria_range2, criteria2], ...)');
    expect(signature('INDEX')).toBe('INDEX(array, row_num, [column_num])');
    expect(signature('MATCH')).toBe('MATCH(lookup_value, lookup_array, [match_type])');
    expect(signature('XLOOKUP')).toBe('XLOOKUP(lookup_value, lookup_array, return_array, [if_not_found], [match_mode], [search_mode])');
    expect(signature('IF')).toBe('IF(logical_test, value_if_true, [value_if_false])');
    expect(signature('COUNTIFS')).toBe('COUNTIFS(criteria_range1, criteria1, [criteria_range2, criteria2], ...)');
    expect(signature('OFFSET')).toBe('OFFSET(reference, rows, cols, [height], [width])');
    expect(signature('ROUND')).toBe('ROUND(number, num_digits)');
    expect(signature('TEXT')).toBe('TEXT(value, format_text)');
    expect(signature('DATE')).toBe('DATE(year, month, day)');
    expect(signature('EOMONTH')).toBe('EOMONTH(start_date, months)');
    expect(signature('NETWORKDAYS.INTL')).toBe('NETWORKDAYS.INTL(start_date, end_date, [weekend], [holidays])');
    expect(signature('SUMPRODUCT')).toBe('SUMPRODUCT(array1, [array2], [array3], ...)');
    expect(signature('TEXTJOIN')).toBe('TEXTJOIN(delimiter, ignore_empty, text1, [text2], ...)');
    expect(signature('NOW')).toBe('NOW()');
  });

  it('finds the function name being typed, suggests and completes it', () => {
    expect(typedFunctionPrefix('=SUM(OFF')).toBe('OFF');
    expect(typedFunctionPrefix('plain text')).toBeNull();
    expect(suggestionsFor('=IF(VLOO').map((f) => f.name)).toEqual(['VLOOKUP']);
    expect(suggestionsFor('=SUM').map((f) => f.name)).toEqual([
      'SUM',
      'SUMIF',
      'SUMIFS',
      'SUMPRODUCT',
      'SUMSQ',
      'SUMX2MY2',
      'SUMX2PY2',
      'SUMXMY2',
    ]);
    expect(completeFunction('=IF(vloo', 'VLOOKUP')).toBe('=IF(VLOOKUP(');
  });
});
