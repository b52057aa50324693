/**
 * The figure issue 14 asks for (not a timed test): the recon bench's five formula columns
 * (bench/generate-recon.ts) compiled and evaluated over 1M rows, against HyperFormula's
 * fill-down blocks over 100k rows, the two side by side in one process. Also checks the
 * first 100k rows agree. Run: `npx tsx test/rules/compiled/bench-recon.ts [compiledRows] [hfRows]`.
 */
import { RECON_SHEET } from '../../../bench/generate-recon.js';
import { compileRowsRule } from '../../../rules/compiled/compile.js';
import type { EngineScalar } from '../../../rules/compiled/api.js';
import type { CellValue } from '../../../rules/workbook.js';
import { rng } from '../../../scripts/random.js';
import { canonical, ruleWorkbook, throughHyperFormula, type RuleCase } from './harness.js';

const compiledRows = Number(process.argv[2] ?? 1_000_000);
const hfRows = Number(process.argv[3] ?? 100_000);
const rows = RECON_SHEET.sheets.find((s) => s.name === 'Rows')!.cells;
const headers = rows[0] as string[];
const inputCount = 8;
const rule: RuleCase = {
  inputs: headers.slice(0, inputCount).map((header) => ({ header })),
  formulas: headers.slice(inputCount).map((header, i) => ({ header, formula: rows[1][inputCount + i] as string })),
  params: { PriceTol: 0.005 },
};

/** Columns of inputs as the join would give them: a few percent quantity, price and missing breaks. */
function columns(n: number): EngineScalar[][] {
  const random = rng(42);
  const cols: EngineScalar[][] = Array.from({ length: inputCount }, () => new Array<EngineScalar>(n));
  for (let i = 0; i < n; i++) {
    const qty = 100 * (1 + Math.floor(random() * 50));
    const price = Math.round((20 + random() * 400) * 100) / 100;
    const commission = Math.round(qty * 0.005 * 100) / 100;
    const roll = random();
    const missing = roll < 0.01;
    const values: EngineScalar[] = [
      `E${String(i).padStart(8, '0')}`,
      qty,
      missing ? null : roll < 0.02 ? qty + 100 : qty,
      price,
      missing ? null : roll < 0.03 ? price + 0.05 : price,
      commission,
      missing ? null : commission,
      missing ? 'left only' : 'matched',
    ];
    values.forEach((v, c) => (cols[c][i] = v));
  }
  return cols;
}

const data = columns(Math.max(compiledRows, hfRows));
const { workbook, layout } = ruleWorkbook(rule);
let started = performance.now();
const compiled = compileRowsRule({ workbook, layout, inputTypes: new Map(), params: rule.params!, replace: {} });
const compileMs = performance.now() - started;
if (compiled.fallback.length) throw new Error(`fell back: ${JSON.stringify(compiled.fallback)}`);
let row = 0;
const input = (index: number) => data[index][row];
const kept: CellValue[][] = [];
started = performance.now();
for (row = 0; row < compiledRows; row++) {
  const out: CellValue[] = new Array(headers.length).fill(null);
  compiled.evaluate(input, out);
  if (row < hfRows) kept.push(out);
}
const compiledMs = performance.now() - started;
const hfInput = Array.from({ length: hfRows }, (_, r) => data.map((c) => c[r]));
started = performance.now();
const expected = await throughHyperFormula(rule, hfInput);
const hfMs = performance.now() - started;
let diffs = 0;
for (let r = 0; r < hfRows; r++)
  for (let c = inputCount; c < headers.length; c++) if (canonical(expected[r][c]) !== canonical(kept[r][c])) diffs++;
console.log(
  JSON.stringify({
    compileMs: Math.round(compileMs),
    compiledRows,
    compiledMs: Math.round(compiledMs),
    hfRows,
    hfMs: Math.round(hfMs),
    differingCells: diffs,
  }),
);
