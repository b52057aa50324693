/**
 * The differential harness for the compiled evaluator (issue 14): the same `Rows` rule over
 * the same rows, once through HyperFormula exactly as the run's fallback path does it
 * (loadEngineWorkbook with run.ts's engine settings, then evaluateRows in its blocks) and once
 * through compileRowsRule; every value must be the same. Inputs are random but seeded, so a
 * failure repeats.
 *
 * The oracle is the run's own path on purpose, and it is also the cheapest HyperFormula way
 * measured (2026-12-02): one sheet per 10,000-row chunk filled by `setSheetContent` cost
 * 1.3-1.8 times the CPU of evaluateRows' fixed formulas with only the input columns rewritten
 * (every formula cell is lexed again before its cached AST is found, and replacing a big sheet
 * tears down its graph). What made it cheap was the argument wrappers: see `selected`.
 *
 * Adding a differential group (differential-groups.ts lists them): a `DifferentialGroup`
 * names the formulas under test (they count towards the 100,000 cases per function) and
 * builds, for a seed and a row count, the whole `RuleCase` (inputs, wrapper columns, the
 * formulas, `sheets`, `replace` contents for lookup datasets, `params`) and its rows. A group of
 * plain formulas over A-F uses `standardCase`; a group with its own inputs or reference sheets
 * writes its own `build` (formulas-lookups.ts's `lookupCase` is one). Then add it to
 * differential-groups.ts's CHEAP or COSTLY list (each formula runs the rows its functions
 * still need, cheap groups first); the tested formulas must read inputs and wrapper columns
 * only, as groups run in subsets. differential.test.ts runs every group,
 * half of them in a worker thread, and `differences(rule, rows)` stays the call for one rule.
 */
import type { RawCellContent } from 'hyperformula';
import { compileRowsRule } from '../../../rules/compiled/compile.js';
import type { EngineScalar } from '../../../rules/compiled/api.js';
import { loadEngineWorkbook } from '../../../rules/engine-workbook.js';
import { evaluateRows, textIsNotADate } from '../../../rules/row-evaluator.js';
import type { RowsColumn, RowsLayout } from '../../../rules/rows-layout.js';
import type { FieldType, ParamValue } from '../../../rules/types.js';
import { cellAddress, isErrorValue, type CellValue, type SheetData, type Workbook } from '../../../rules/workbook.js';

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
    // rules/run.ts's settings for the fallback blocks, exactly.
    engine: { useColumnIndex: false, evaluateNullToZero: false, ...textIsNotADate() },
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
      const x = expected[r][first + j];
      const y = actual.values[r][first + j];
      // The same primitive (or object) has the same canonical form; only the rest pays for one.
      if (x === y) continue;
      const a = canonical(x);
      const b = canonical(y);
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

export { boundedSource, ERROR_SELECTORS, selected, selectorCodes, selectorSource, valueSource, wrapped } from './differential-inputs.js';
