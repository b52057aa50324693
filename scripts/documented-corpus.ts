/**
 * Builds the documented-examples corpus (issue 16): from every family file in
 * test/excel/documented/*.ts, one workbook test/excel/documented-corpus/<family>.xlsx with
 * one sheet per example — the page's data at the page's addresses, the formula at its cell
 * with the value Microsoft documents as its cached value (a spilled result as Excel stores a
 * dynamic array: the formula over its range, marked dynamic, the other cells holding their
 * values) — and beside it <family>.json, the manifest the test checks the workbook against
 * (sheet, cell, formula, expected block and the decimals the page rounds to).
 *
 *   npx tsx scripts/documented-corpus.ts     # (re)writes the workbooks whose examples changed
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { excelFormula } from '../rules/formula-text.js';
import { EXCEL_ERROR_CODES } from '../rules/xlsx/error-codes.js';
import { markDynamicArrays } from '../rules/xlsx/dynamic-arrays.js';
import { isErrorValue, isFormula, type CellInput, type CellValue } from '../rules/workbook.js';
import type { DocumentedExample } from '../test/excel/documented/example.js';
import { prettierText } from './prettier-text.js';

const ROOT = join(import.meta.dirname, '..');
export const DOCUMENTED_DIR = join(ROOT, 'test', 'excel', 'documented');
export const DOCUMENTED_CORPUS = join(ROOT, 'test', 'excel', 'documented-corpus');

/** One family file: its examples and the functions it says cannot be implemented, with why. */
export interface Family {
  family: string;
  examples: DocumentedExample[];
  notImplemented: Record<string, string>;
}

/** One example as the workbook holds it. */
export interface ManifestEntry {
  fn: string;
  sheet: string;
  cell: string;
  formula: string;
  /** The documented result as a block, top-left at `cell` (one value is a 1×1 block). */
  expected: CellValue[][];
  decimals?: number;
  legacyArray?: boolean;
  source: string;
}

/** Every family file (all of test/excel/documented/*.ts but example.ts), by name. */
export async function loadFamilies(): Promise<Family[]> {
  const files = readdirSync(DOCUMENTED_DIR)
    .filter((f) => f.endsWith('.ts') && f !== 'example.ts')
    .sort();
  const families: Family[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(DOCUMENTED_DIR, file)).href)) as Partial<Family>;
    const family = file.replace(/\.ts$/, '');
    if (module.examples !== undefined && !Array.isArray(module.examples))
      throw new Error(`test/excel/documented/${file}: "examples" must be an array of DocumentedExample`);
    families.push({ family, examples: module.examples ?? [], notImplemented: module.notImplemented ?? {} });
  }
  return families;
}

/** The family's examples as sheets and cells; an example that cannot be placed is an error naming it. */
export function familyManifest(family: Family): ManifestEntry[] {
  const perFunction = new Map<string, number>();
  for (const e of family.examples) perFunction.set(e.fn, (perFunction.get(e.fn) ?? 0) + 1);
  const seen = new Map<string, number>();
  const sheets = new Set<string>();
  return family.examples.map((example, index) => {
    const where = `${family.family}.ts example ${index + 1} (${example.fn})`;
    const n = (seen.get(example.fn) ?? 0) + 1;
    seen.set(example.fn, n);
    const sheet = sheetName(example.fn, perFunction.get(example.fn)! > 1 ? n : 0);
    if (sheets.has(sheet.toUpperCase())) throw new Error(`${where}: sheet name ${sheet} is used twice`);
    sheets.add(sheet.toUpperCase());
    if (!example.formula.startsWith('=')) throw new Error(`${where}: the formula must start with "=": ${example.formula}`);
    const cell = (example.cell ?? defaultCell(example.data)).toUpperCase();
    if (!/^[A-Z]{1,3}[1-9]\d*$/.test(cell)) throw new Error(`${where}: "${cell}" is not an A1 cell address`);
    const expected = asBlock(example.expected);
    if (expected.length === 0 || expected.some((row) => row.length !== expected[0].length))
      throw new Error(`${where}: a spilled expected value must be a non-empty rectangle of rows`);
    const { r, c } = XLSX.utils.decode_cell(cell);
    for (const address of Object.keys(example.data ?? {})) {
      const at = XLSX.utils.decode_cell(address.toUpperCase());
      if (at.r >= r && at.r < r + expected.length && at.c >= c && at.c < c + expected[0].length)
        throw new Error(`${where}: data cell ${address} is inside the result's cells from ${cell}`);
    }
    return {
      fn: example.fn,
      sheet,
      cell,
      formula: example.formula,
      expected,
      ...(example.decimals !== undefined ? { decimals: example.decimals } : {}),
      ...(example.legacyArray ? { legacyArray: true } : {}),
      source: example.source,
    };
  });
}

/** A sheet name Excel accepts (31 characters, none of []:*?/\), numbered when a function has several examples. */
function sheetName(fn: string, n: number): string {
  const suffix = n ? ` ${n}` : '';
  return fn.replace(/[[\]:*?/\\]/g, '_').slice(0, 31 - suffix.length) + suffix;
}

/** The first row below the data in column A, or A1. */
function defaultCell(data: Record<string, CellInput> | undefined): string {
  const rows = Object.keys(data ?? {}).map((a) => XLSX.utils.decode_cell(a.toUpperCase()).r);
  return rows.length ? `A${Math.max(...rows) + 2}` : 'A1';
}

function asBlock(expected: DocumentedExample['expected']): CellValue[][] {
  return Array.isArray(expected) ? expected : [[expected]];
}

/** The family's workbook: one sheet per example, the documented value cached in every result cell. */
export function familyWorkbook(family: Family, entries: ManifestEntry[]): Uint8Array {
  const book = XLSX.utils.book_new();
  const dynamicCells = new Map<number, Set<string>>();
  family.examples.forEach((example, index) => {
    const entry = entries[index];
    const ws: XLSX.WorkSheet = {};
    const cells: Array<[string, XLSX.CellObject]> = Object.entries(example.data ?? {}).map(([a, input]) => [
      a.toUpperCase(),
      dataCell(input),
    ]);
    const { r, c } = XLSX.utils.decode_cell(entry.cell);
    const rows = entry.expected.length;
    const columns = entry.expected[0].length;
    const spills = rows * columns > 1;
    entry.expected.forEach((row, i) =>
      row.forEach((value, j) => {
        if (i || j) cells.push([XLSX.utils.encode_cell({ r: r + i, c: c + j }), valueCell(value)]);
      }),
    );
    const end = XLSX.utils.encode_cell({ r: r + rows - 1, c: c + columns - 1 });
    const anchor: XLSX.CellObject = { ...valueCell(entry.expected[0][0]), f: excelFormula(entry.formula).slice(1) };
    // A dynamic array's range is always "A1:B2"; a legacy array keeps its range (one cell: "A1").
    if (spills || entry.legacyArray) anchor.F = spills ? `${entry.cell}:${end}` : entry.cell;
    cells.push([entry.cell, anchor]);
    dynamicCells.set(index, new Set(spills && !entry.legacyArray ? [entry.cell] : []));
    let maxR = 0;
    let maxC = 0;
    for (const [address, cell] of cells) {
      ws[address] = cell;
      const at = XLSX.utils.decode_cell(address);
      maxR = Math.max(maxR, at.r);
      maxC = Math.max(maxC, at.c);
    }
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: maxR, c: maxC } });
    XLSX.utils.book_append_sheet(book, ws, entry.sheet);
  });
  const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
  markDynamicArrays(zip, dynamicCells);
  return new Uint8Array(XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip', compression: true }) as Buffer);
}

/** A data cell: a formula (no cached value: the engine computes it), an error code, or a value. */
function dataCell(input: CellInput): XLSX.CellObject {
  if (isFormula(input)) return { t: 'n', f: excelFormula(input).slice(1) } as XLSX.CellObject;
  if (typeof input === 'string' && input in EXCEL_ERROR_CODES) return valueCell({ error: input });
  return valueCell(input);
}

function valueCell(value: CellValue): XLSX.CellObject {
  if (value === null) return { t: 's', v: '' };
  if (isErrorValue(value)) return { t: 'e', v: EXCEL_ERROR_CODES[value.error] ?? 0x0f, w: value.error };
  if (typeof value === 'number') return { t: 'n', v: value };
  if (typeof value === 'boolean') return { t: 'b', v: value };
  return { t: 's', v: value };
}

export function manifestPath(family: string): string {
  return join(DOCUMENTED_CORPUS, `${family}.json`);
}

export function workbookPath(family: string): string {
  return join(DOCUMENTED_CORPUS, `${family}.xlsx`);
}

/** The manifest as it is checked in (stable text, so an unchanged family is not rewritten). */
export function manifestText(entries: ManifestEntry[], family: string): Promise<string> {
  return prettierText(JSON.stringify(entries), manifestPath(family));
}

/** Writes each family with examples whose manifest changed (or whose workbook is missing); returns the families written. */
export async function writeDocumentedCorpus(): Promise<string[]> {
  mkdirSync(DOCUMENTED_CORPUS, { recursive: true });
  const written: string[] = [];
  for (const family of await loadFamilies()) {
    if (family.examples.length === 0) continue;
    const entries = familyManifest(family);
    const text = await manifestText(entries, family.family);
    const path = manifestPath(family.family);
    if (existsSync(path) && existsSync(workbookPath(family.family)) && readFileSync(path, 'utf8') === text) continue;
    writeAtomically(workbookPath(family.family), familyWorkbook(family, entries));
    writeAtomically(path, text);
    written.push(family.family);
  }
  return written;
}

/** Whole or not at all: several people regenerate the corpus while others run it. */
function writeAtomically(path: string, content: string | Uint8Array): void {
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, content);
  renameSync(partial, path);
}

if (process.argv[1]?.endsWith('documented-corpus.ts')) {
  const written = await writeDocumentedCorpus();
  console.log(written.length ? `wrote ${written.map((f) => `${f}.xlsx`).join(', ')}` : 'every workbook is up to date');
}
