/**
 * Runs the documented-examples corpus (test/excel/documented-corpus/*.xlsx) through
 * `tickmark recalc` exactly as scripts/excel-conformance.ts does the real-workbook corpus,
 * then compares every documented result cell with the value Tickmark wrote: numbers to 1e-9
 * relative, or to the decimals the page rounds to; text, booleans and errors exactly. A
 * formula recalc kept Excel's value for is a difference (the figure is what Tickmark computes).
 *
 *   npx tsx scripts/documented-conformance.ts [family …]   # per family, every difference
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { recalcCommand } from '../cli/recalc-command.js';
import type { RecalcResult } from '../rules/recalc.js';
import { agrees } from '../rules/xlsx/conformance.js';
import type { CellValue } from '../rules/workbook.js';
import { loadFamilies, manifestPath, workbookPath, type ManifestEntry } from './documented-corpus.js';

export interface DocumentedDifference {
  fn: string;
  /** `Sheet!A1` of the result cell. */
  cell: string;
  formula: string;
  expected: CellValue;
  tickmark: CellValue;
  /** Why recalc could not evaluate the formula, when it kept Excel's value. */
  kept?: string;
}

export interface FamilyResult {
  family: string;
  cells: number;
  agreeing: number;
  differences: DocumentedDifference[];
  /** Per function: result cells agreeing and in all, and examples passing (every cell agreeing) and in all. */
  byFunction: Map<string, { passing: number; examples: number }>;
}

/** The checked-in manifest of a family. */
export function readManifest(family: string): ManifestEntry[] {
  if (!existsSync(manifestPath(family)))
    throw new Error(`test/excel/documented-corpus/${family}.json is missing: run \`npx tsx scripts/documented-corpus.ts\``);
  return JSON.parse(readFileSync(manifestPath(family), 'utf8')) as ManifestEntry[];
}

/** Recalculates one family's workbook through `recalcCommand` into `outDir` and compares every result cell. */
export async function runFamily(family: string, outDir: string): Promise<FamilyResult> {
  const out = join(outDir, `${family}.xlsx`);
  let result: RecalcResult | undefined;
  const errors: string[] = [];
  const status = await recalcCommand([workbookPath(family), '--out', out], {
    onResult: (r) => (result = r),
    stdout: () => {},
    stderr: (text) => errors.push(text),
  });
  if (status !== 0 || !result) throw new Error(`tickmark recalc ${family}.xlsx exited ${status}: ${errors.join('')}`);
  const reasons = new Map(result.issues.filter((i) => i.cell).map((i) => [`${i.sheet}!${i.cell}`, i.message]));
  const whole = result.issues.find((i) => !i.cell)?.message;
  const kept = new Set(result.kept);
  const book = XLSX.read(readFileSync(out), { type: 'buffer', cellFormula: false });
  const outcome: FamilyResult = { family, cells: 0, agreeing: 0, differences: [], byFunction: new Map() };
  for (const entry of readManifest(family)) {
    const anchor = `${entry.sheet}!${entry.cell}`;
    const keptReason = kept.has(anchor) ? (reasons.get(anchor) ?? whole ?? 'not evaluated') : undefined;
    const { r, c } = XLSX.utils.decode_cell(entry.cell);
    let passing = true;
    entry.expected.forEach((row, i) =>
      row.forEach((expected, j) => {
        const address = XLSX.utils.encode_cell({ r: r + i, c: c + j });
        const tickmark = cellValue(book.Sheets[entry.sheet]?.[address] as XLSX.CellObject | undefined);
        outcome.cells += 1;
        if (keptReason === undefined && agreesAt(expected, tickmark, entry.decimals)) return void (outcome.agreeing += 1);
        passing = false;
        outcome.differences.push({
          fn: entry.fn,
          cell: `${entry.sheet}!${address}`,
          formula: entry.formula,
          expected,
          tickmark,
          ...(keptReason !== undefined ? { kept: keptReason } : {}),
        });
      }),
    );
    const counts = outcome.byFunction.get(entry.fn) ?? { passing: 0, examples: 0 };
    counts.examples += 1;
    if (passing) counts.passing += 1;
    outcome.byFunction.set(entry.fn, counts);
  }
  return outcome;
}

/** `agrees` (the conformance test's rule), or within half a unit of the page's last decimal when it rounds. */
export function agreesAt(expected: CellValue, tickmark: CellValue, decimals?: number): boolean {
  if (decimals === undefined || typeof expected !== 'number' || typeof tickmark !== 'number') return agrees(expected, tickmark);
  return Math.abs(expected - tickmark) <= 0.5 * 10 ** -decimals * (1 + 1e-9);
}

function cellValue(cell: XLSX.CellObject | undefined): CellValue {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  if (cell.t === 'e') return { error: cell.w ?? '#N/A' };
  return cell.v as number | string | boolean;
}

/** One line per difference, as the test and the script print them. */
export function describeDifference(d: DocumentedDifference): string {
  const got = d.kept !== undefined ? `kept (${d.kept})` : JSON.stringify(d.tickmark);
  return `  ${d.cell}\t${d.formula}\texpected=${JSON.stringify(d.expected)}\ttickmark=${got}`;
}

if (process.argv[1]?.endsWith('documented-conformance.ts')) {
  const only = process.argv.slice(2);
  const outDir = mkdtempSync(join(tmpdir(), 'tickmark-documented-'));
  let cells = 0;
  let agreeing = 0;
  for (const { family, examples } of await loadFamilies()) {
    if (examples.length === 0 || (only.length && !only.includes(family))) continue;
    const result = await runFamily(family, outDir);
    cells += result.cells;
    agreeing += result.agreeing;
    console.log(`${family}: ${result.agreeing}/${result.cells}`);
    for (const d of result.differences) console.log(describeDifference(d));
  }
  rmSync(outDir, { recursive: true, force: true });
  console.log(`total: ${agreeing}/${cells} = ${cells ? ((100 * agreeing) / cells).toFixed(2) : '0.00'}%`);
}
