/**
 * The differential harness for the compiled evaluator (issue 14): the same `Rows` rule over
 * the same rows, once through HyperFormula exactly as the run does it (loadEngineWorkbook +
 * evaluateRows in blocks, `evaluateNullToZero: false`) and once through compileRowsRule; every
 * value must be the same. Inputs are random but seeded, so a failure repeats.
 */
import type { RawCellContent } from 'hyperformula';
import { compileRowsRule } from '../../../rules/compiled/compile.js';
import type { EngineScalar } from '../../../rules/compiled/api.js';
import { loadEngineWorkbook } from '../../../rules/engine-workbook.js';
import { evaluateRows } from '../../../rules/row-evaluator.js';
import type { RowsColumn, RowsLayout } from '../../../rules/rows-layout.js';
import type { FieldType, ParamValue } from '../../../rules/types.js';
import { cellAddress, isErrorValue, type CellValue, type SheetData, type Workbook } from '../../../rules/workbook.js';
import { rng } from '../../../scripts/random.js';

export interface RuleCase {
  /** Input columns first (header → type), then formula columns (header → formula in row 2). */
  inputs: { header: string; type?: FieldType }[];
  formulas: { header: string; formula: string }[];
  params?: Record<string, ParamValue>;
  sheets?: SheetData[];
  replace?: Record<string, RawCellContent[][]>;
}

export function ruleWorkbook(rule: RuleCase): { workbook: Workbook; layout: RowsLayout } {
  const headers = [...rule.inputs.map((i) => i.header), ...rule.formulas.map((f) => f.header)];
  const columns: RowsColumn[] = [
    ...rule.inputs.map((i, index): RowsColumn => ({ kind: 'field', header: i.header, side: 'data', field: i.header, index })),
    ...rule.formulas.map((f, j): RowsColumn => ({ kind: 'formula', header: f.header, formula: f.formula, index: rule.inputs.length + j })),
  ];
  const rows: SheetData = { name: 'Rows', cells: [headers, [...rule.inputs.map(() => null), ...rule.formulas.map((f) => f.formula)]] };
  const workbook: Workbook = { sheets: [{ name: 'Settings', cells: [['Type', 'Check']] }, rows, ...(rule.sheets ?? [])], names: [] };
  return { workbook, layout: { headers, columns, exceptionIndex: headers.length - 1 } };
}

/** An input as the run writes it into HyperFormula (rules/field-values.ts's fieldToCell). */
function toCell(value: EngineScalar): RawCellContent {
  if (value === null || value === '') return null;
  return typeof value === 'string' ? `'${value}` : value;
}

/** Every row through HyperFormula, as the run's fallback path evaluates it. */
export async function throughHyperFormula(rule: RuleCase, rows: EngineScalar[][]): Promise<CellValue[][]> {
  const { workbook, layout } = ruleWorkbook(rule);
  const hf = loadEngineWorkbook(workbook, {
    params: rule.params ?? {},
    replace: rule.replace ?? {},
    engine: { useColumnIndex: false, evaluateNullToZero: false },
  });
  const out: CellValue[][] = [];
  try {
    await evaluateRows(hf, layout, {
      count: rows.length,
      inputsOf: (index) => {
        const cells = new Map<number, RawCellContent>();
        const outputs = new Map<number, CellValue>();
        rows[index].forEach((v, col) => {
          cells.set(col, toCell(v));
          outputs.set(col, v);
        });
        return { cells, outputs, key: String(index) };
      },
      onBlock: async (block) => {
        for (const row of block) out.push(row.values);
      },
    });
  } finally {
    hf.destroy();
  }
  return out;
}

export function throughCompiled(rule: RuleCase, rows: EngineScalar[][]): { values: CellValue[][]; compiled: string[]; fallback: string[] } {
  const { workbook, layout } = ruleWorkbook(rule);
  const compiled = compileRowsRule({
    workbook,
    layout,
    inputTypes: new Map(rule.inputs.map((i, index) => [index, i.type ?? 'text'])),
    params: rule.params ?? {},
    replace: rule.replace ?? {},
  });
  const values = rows.map((row) => {
    const out: CellValue[] = new Array(layout.headers.length).fill(null);
    compiled.evaluate((index) => row[index], out);
    return out;
  });
  return {
    values,
    compiled: compiled.compiled.map((i) => layout.headers[i]),
    fallback: compiled.fallback.map((f) => `${f.header}: ${f.reason}`),
  };
}

/** A value for comparison: errors by code (results CSVs show the code only), everything else as JSON. */
export function canonical(value: CellValue | undefined): string {
  if (value === undefined) return 'undefined';
  if (isErrorValue(value)) return `error ${value.error}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

export interface Difference {
  formula: string;
  inputs: EngineScalar[];
  hyperformula: string;
  compiled: string;
}

/** Runs both paths and lists every cell that differs (formula columns only). */
export async function differences(
  rule: RuleCase,
  rows: EngineScalar[][],
): Promise<{ diffs: Difference[]; fallback: string[]; hfMs: number; compiledMs: number }> {
  let started = performance.now();
  const expected = await throughHyperFormula(rule, rows);
  const hfMs = performance.now() - started;
  started = performance.now();
  const actual = throughCompiled(rule, rows);
  const compiledMs = performance.now() - started;
  const diffs: Difference[] = [];
  const first = rule.inputs.length;
  for (let r = 0; r < rows.length; r++) {
    for (let j = 0; j < rule.formulas.length; j++) {
      const a = canonical(expected[r][first + j]);
      const b = canonical(actual.values[r][first + j]);
      if (a !== b) diffs.push({ formula: rule.formulas[j].formula, inputs: rows[r], hyperformula: a, compiled: b });
    }
  }
  return { diffs, fallback: actual.fallback, hfMs, compiledMs };
}

export function describeDiffs(diffs: Difference[], limit = 40): string {
  return diffs
    .slice(0, limit)
    .map((d) => `${d.formula}  inputs ${JSON.stringify(d.inputs)}  HyperFormula: ${d.hyperformula}  compiled: ${d.compiled}`)
    .join('\n');
}

export { cellAddress };

/** Values chosen for their traps: empty, numeric text, booleans, extremes, 15/16 digits, dates, unicode. */
const SPECIAL: EngineScalar[] = [
  null,
  '',
  0,
  -0,
  1,
  -1,
  2,
  0.5,
  -0.5,
  2.675,
  1.005,
  0.1,
  0.3,
  1e308,
  -1e308,
  1e-308,
  5e-324,
  123456789012345,
  1234567890123456,
  0.1 + 0.2,
  1 / 3,
  45292,
  45351.5,
  60,
  -45292,
  1e15,
  1e21,
  '12',
  '  12 ',
  '1e3',
  '-3.5',
  '5%',
  '$5',
  '1,000',
  // Date text ('2024-01-01') is read as a date-typed number: only in boundedSource (see selectorSource).
  '12:30',
  'TRUE',
  'true',
  'FALSE',
  'abc',
  'ABC',
  'Abc ',
  '  a  b  ',
  'é',
  'É',
  'ß',
  'İ',
  '日本',
  '😀x',
  'x'.repeat(300),
  '#N/A',
  '=1+1',
  true,
  false,
];

/** A seeded stream of inputs: specials half the time, else random numbers, small integers or words. */
export function valueSource(seed: number): () => EngineScalar {
  const random = rng(seed);
  const words = ['a', 'b', 'A', 'abc', 'Straße', 'x y', ' padded ', 'Zeta'];
  return () => {
    const pick = random();
    if (pick < 0.5) return SPECIAL[Math.floor(random() * SPECIAL.length)];
    if (pick < 0.7) return Math.floor(random() * 41) - 10;
    if (pick < 0.85) return Math.round((random() - 0.5) * 2e6) / 100;
    if (pick < 0.95) return words[Math.floor(random() * words.length)];
    return String(Math.floor(random() * 1000) / 10);
  };
}

/** The error a selector input asks for, or none (most rows). */
export const ERROR_SELECTORS = ['div', 'na', 'value', 'num', 'ref', 'name', 'null', 'pct', 'date'];

/**
 * Selectors for the wrapped arguments. `dates`: some arguments are date-typed; only with
 * bounded values, because a date-typed result beyond year 9999 makes the HyperFormula path
 * throw (serialToIso's RangeError in rules/row-evaluator.ts's readValue) and the compiled
 * path, calling the same serialToIso, throws alike — a crash both ways, not a value to compare.
 */
export function selectorSource(seed: number, dates = false): () => EngineScalar {
  const random = rng(seed);
  const kinds = dates ? ERROR_SELECTORS.length : ERROR_SELECTORS.length - 1;
  return () => (random() < 0.75 ? null : ERROR_SELECTORS[Math.floor(random() * kinds)]);
}

/** Inputs that keep date arithmetic within Excel's calendar: small numbers, numeric and date text, empties, booleans, words. */
export function boundedSource(seed: number): () => EngineScalar {
  const random = rng(seed);
  const specials: EngineScalar[] = [
    null,
    '',
    0,
    -0,
    1,
    -1,
    0.5,
    2.5,
    12,
    13,
    31,
    32,
    60,
    1900,
    2024,
    9999,
    10000,
    '3',
    ' 4 ',
    '2024-03-01',
    '01/02/2024',
    '12:30',
    '2024-01-01 10:00',
    'abc',
    true,
    false,
    45292,
    45351.75,
  ];
  return () => {
    const pick = random();
    if (pick < 0.4) return specials[Math.floor(random() * specials.length)];
    if (pick < 0.8) return Math.floor(random() * 80) - 20;
    return Math.round(random() * 3000000) / 100;
  };
}

/**
 * The wrapper formula making argument `x` (input column `value`) sometimes an error, a
 * date-typed or a percent-typed number, by the selector column `selector`.
 */
export function wrapped(value: string, selector: string): string {
  const s = `${selector}2`;
  return (
    `=IF(${s}="div",1/0,IF(${s}="na",#N/A,IF(${s}="value","a"+1,IF(${s}="num",#NUM!,IF(${s}="ref",#REF!,` +
    `IF(${s}="name",#NAME?,IF(${s}="null",#NULL!,IF(${s}="date",DATE(2024,2,29),IF(${s}="pct",5%,${value}2)))))))))`
  );
}
