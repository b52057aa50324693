/**
 * Generates docs/function-coverage.md: every function of Excel 365's reference
 * (scripts/excel-functions.ts) by category, with its status as the engine reports it —
 * HyperFormula's own, a Tickmark plugin (and its file), or missing with the reason the
 * family files' `notImplemented` maps give — and its tests: the documented examples that
 * exercise it (passing/total, run through `tickmark recalc` as test/excel/documented.test.ts
 * does) and the test files under test/rules/functions that call it.
 *
 *   npx tsx scripts/function-coverage.ts    # rewrites docs/function-coverage.md
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { HyperFormula } from 'hyperformula';
import { registerTickmarkFunctions } from '../rules/functions/index.js';
import { ENGINE_OFFSET } from '../rules/functions/reference.js';
import { loadFamilies } from './documented-corpus.js';
import { runFamily } from './documented-conformance.js';
import { prettierText } from './prettier-text.js';
import { EXCEL_CATEGORIES, EXCEL_FUNCTIONS, type ExcelCategory } from './excel-functions.js';

const ROOT = join(import.meta.dirname, '..');
export const COVERAGE_DOC = join(ROOT, 'docs', 'function-coverage.md');
const FUNCTIONS_DIR = join(ROOT, 'rules', 'functions');
const FUNCTION_TESTS = join(ROOT, 'test', 'rules', 'functions');

/** Excel names the engine knows under another name (the formula dialect translates them). */
const ENGINE_NAMES: Record<string, string> = { OFFSET: ENGINE_OFFSET };

export interface FunctionStatus {
  name: string;
  category: ExcelCategory;
  /** `HyperFormula`, the Tickmark plugin's file (`rules/functions/dates.ts`), or null when missing. */
  implementation: string | null;
  /** Why it is not implemented, from a family's `notImplemented` map. */
  reason?: string;
  examples: number;
  passing: number;
  testFiles: string[];
}

export interface CoverageTotals {
  listed: number;
  implemented: number;
  /** Implemented, with at least one documented example and every one of them passing. */
  tested: number;
  missingWithReason: number;
  /** tested / listed: the issue's 95% bar. */
  testedShare: number;
}

export interface Coverage {
  functions: FunctionStatus[];
  totals: CoverageTotals;
  /** Documented examples naming a function that is not in the list (a typo, or a list to extend). */
  unlisted: string[];
  markdown: string;
}

export async function functionCoverage(): Promise<Coverage> {
  registerTickmarkFunctions();
  const registered = new Set(HyperFormula.getRegisteredFunctionNames('enGB'));
  const plugins = pluginFiles();
  const families = await loadFamilies();
  const reasons = new Map(families.flatMap((f) => Object.entries(f.notImplemented)));
  const documented = await documentedCounts(families.filter((f) => f.examples.length > 0).map((f) => f.family));
  const tests = testFilesByFunction();
  const functions = EXCEL_FUNCTIONS.map(({ name, category }): FunctionStatus => {
    const engineName = ENGINE_NAMES[name] ?? name;
    const plugin = registered.has(engineName) ? HyperFormula.getFunctionPlugin(engineName) : undefined;
    const implementation = registered.has(engineName) ? (plugin ? (plugins.get(plugin.name) ?? 'HyperFormula') : 'HyperFormula') : null;
    const counts = documented.get(name) ?? { passing: 0, examples: 0 };
    return {
      name,
      category,
      implementation,
      ...(implementation === null ? { reason: reasons.get(name) } : {}),
      examples: counts.examples,
      passing: counts.passing,
      testFiles: tests.get(name) ?? [],
    };
  });
  const listed = new Set(EXCEL_FUNCTIONS.map((f) => f.name));
  const unlisted = [...documented.keys()].filter((name) => !listed.has(name)).sort();
  const totals = totalsOf(functions);
  return { functions, totals, unlisted, markdown: await prettierText(markdownOf(functions, totals, unlisted), COVERAGE_DOC) };
}

function totalsOf(functions: FunctionStatus[]): CoverageTotals {
  const implemented = functions.filter((f) => f.implementation !== null);
  const tested = implemented.filter((f) => f.examples > 0 && f.passing === f.examples);
  return {
    listed: functions.length,
    implemented: implemented.length,
    tested: tested.length,
    missingWithReason: functions.filter((f) => f.implementation === null && f.reason).length,
    testedShare: tested.length / functions.length,
  };
}

/** Each Tickmark plugin class (by class name) and the file under rules/functions that declares it. */
function pluginFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts'))
        for (const [, name] of readFileSync(path, 'utf8').matchAll(/\bclass\s+([A-Za-z_$][\w$]*)/g))
          files.set(name, relative(ROOT, path).replace(/\\/g, '/'));
    }
  };
  walk(FUNCTIONS_DIR);
  return files;
}

/** Per function: documented examples passing and in all, over every family's workbook. */
async function documentedCounts(families: string[]): Promise<Map<string, { passing: number; examples: number }>> {
  const outDir = mkdtempSync(join(tmpdir(), 'tickmark-coverage-'));
  const counts = new Map<string, { passing: number; examples: number }>();
  try {
    for (const family of families)
      for (const [fn, c] of (await runFamily(family, outDir)).byFunction) {
        const total = counts.get(fn) ?? { passing: 0, examples: 0 };
        counts.set(fn, { passing: total.passing + c.passing, examples: total.examples + c.examples });
      }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  return counts;
}

/** The test files under test/rules/functions whose text calls each function (`NAME(`). */
function testFilesByFunction(): Map<string, string[]> {
  const byFunction = new Map<string, string[]>();
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.test.ts')) files.push(path);
    }
  };
  walk(FUNCTION_TESTS);
  const texts = files
    .sort()
    .map((path) => ({ file: relative(FUNCTION_TESTS, path).replace(/\\/g, '/'), text: readFileSync(path, 'utf8') }));
  for (const { name } of EXCEL_FUNCTIONS) {
    const call = new RegExp(`(?<![A-Za-z0-9_.])${name.replace(/\./g, '\\.')}\\s*\\(`);
    const mentioned = texts.filter((t) => call.test(t.text)).map((t) => t.file);
    if (mentioned.length) byFunction.set(name, mentioned);
  }
  return byFunction;
}

const percent = (part: number, whole: number) => `${whole ? ((100 * part) / whole).toFixed(1) : '0.0'}%`;

function statusText(f: FunctionStatus): string {
  if (f.implementation === 'HyperFormula') return 'HyperFormula';
  if (f.implementation) return `Tickmark (\`${f.implementation}\`)`;
  return f.reason ? `not implemented: ${f.reason.replace(/\|/g, '\\|')}` : '**missing** (no reason given)';
}

function markdownOf(functions: FunctionStatus[], totals: CoverageTotals, unlisted: string[]): string {
  const lines = [
    '# Excel 365 function coverage',
    '',
    'Generated by `npx tsx scripts/function-coverage.ts` (checked by `test/excel/function-coverage.test.ts`, which',
    'fails when this file is stale); do not edit by hand. The list of functions and where it comes from is',
    "`scripts/excel-functions.ts`. A function is **implemented** when the engine, with Tickmark's plugins registered,",
    "has it (HyperFormula's own or a Tickmark plugin, whose file is named); **tested** when it is implemented and",
    "every one of its documented examples (Microsoft's own, `test/excel/documented/*.ts`, run through `tickmark",
    'recalc` by `test/excel/documented.test.ts`) agrees with the documented result. "Tests" names the files under',
    '`test/rules/functions/` that call the function.',
    '',
    '## Totals',
    '',
    `- Functions listed: ${totals.listed}`,
    `- Implemented: ${totals.implemented} (${percent(totals.implemented, totals.listed)})`,
    `- Implemented and tested by passing documented examples: ${totals.tested} (${percent(totals.tested, totals.listed)} of all listed; the issue's bar is 95%)`,
    `- Not implemented, with a reason: ${totals.missingWithReason}; without one: ${totals.listed - totals.implemented - totals.missingWithReason}`,
    `- Tested, of the functions that can work in an offline rules engine (all but those with a reason): ${totals.tested} of ${totals.listed - totals.missingWithReason} (${percent(totals.tested, totals.listed - totals.missingWithReason)})`,
    '',
    '| Category | Listed | Implemented | Tested |',
    '|---|---:|---:|---:|',
    ...EXCEL_CATEGORIES.map((category) => {
      const inCategory = functions.filter((f) => f.category === category);
      const t = totalsOf(inCategory);
      return `| ${category} | ${t.listed} | ${t.implemented} | ${t.tested} |`;
    }),
    '',
  ];
  for (const category of EXCEL_CATEGORIES) {
    lines.push(`## ${category}`, '', '| Function | Status | Documented examples passing | Tests |', '|---|---|---|---|');
    for (const f of functions.filter((fn) => fn.category === category))
      lines.push(
        `| ${f.name} | ${statusText(f)} | ${f.examples ? `${f.passing}/${f.examples}` : '—'} | ${f.testFiles.length ? f.testFiles.join(', ') : '—'} |`,
      );
    lines.push('');
  }
  if (unlisted.length) lines.push('## Documented examples of functions not in the list', '', unlisted.map((n) => `- ${n}`).join('\n'), '');
  return lines.join('\n');
}

if (process.argv[1]?.endsWith('function-coverage.ts')) {
  const coverage = await functionCoverage();
  writeFileSync(COVERAGE_DOC, coverage.markdown);
  const t = coverage.totals;
  console.log(
    `${t.listed} functions: ${t.implemented} implemented (${percent(t.implemented, t.listed)}), ${t.tested} tested (${percent(t.tested, t.listed)}) -> docs/function-coverage.md`,
  );
}
