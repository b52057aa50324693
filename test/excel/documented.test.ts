/**
 * The documented-examples corpus (issue 16): Microsoft's own examples of each Excel function
 * (test/excel/documented/*.ts), built into test/excel/documented-corpus/<family>.xlsx by
 * scripts/documented-corpus.ts, recalculated through `tickmark recalc` and compared cell by
 * cell with the documented results. It fails when a family file and its checked-in workbook
 * disagree (run `npx tsx scripts/documented-corpus.ts`), and when the share of agreeing
 * result cells drops below documented-threshold.json, which only ever rises.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutPrefixes } from '../../rules/formula-text.js';
import { readWorkbookXlsx } from '../../rules/xlsx/read-workbook.js';
import {
  DOCUMENTED_CORPUS,
  familyManifest,
  loadFamilies,
  manifestPath,
  manifestText,
  workbookPath,
} from '../../scripts/documented-corpus.js';
import { agreesAt, describeDifference, runFamily, type FamilyResult } from '../../scripts/documented-conformance.js';
import { tempDir } from '../helpers/files.js';

const threshold = JSON.parse(readFileSync(join(import.meta.dirname, 'documented-threshold.json'), 'utf8')) as { total: number };
const families = (await loadFamilies()).filter((f) => f.examples.length > 0);
const outDir = tempDir('tickmark-documented-');
const results = new Map<string, FamilyResult>();
const REGENERATE = 'run `npx tsx scripts/documented-corpus.ts`';

describe('the documented-examples corpus through tickmark recalc', () => {
  it('has a workbook for every family with examples, and none left over', () => {
    expect(families.length).toBeGreaterThan(0);
    const checkedIn = readdirSync(DOCUMENTED_CORPUS)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
    expect(checkedIn, REGENERATE).toEqual(families.map((f) => f.family).sort());
  });

  for (const family of families) {
    it(`${family.family}: the checked-in workbook holds the family file's examples`, async () => {
      const entries = familyManifest(family);
      expect(existsSync(workbookPath(family.family)), REGENERATE).toBe(true);
      expect(readFileSync(manifestPath(family.family), 'utf8'), REGENERATE).toBe(await manifestText(entries, family.family));
      const { workbook, cached } = readWorkbookXlsx(new Uint8Array(readFileSync(workbookPath(family.family))));
      expect(workbook.sheets.map((s) => s.name)).toEqual(entries.map((e) => e.sheet));
      for (const entry of entries) {
        const key = `${entry.sheet}!${entry.cell}`;
        const sheet = workbook.sheets.find((s) => s.name === entry.sheet)!;
        const { row, col } = a1(entry.cell);
        const formula = String(sheet.cells[row]?.[col]);
        expect(formula.includes(withoutPrefixes(entry.formula).slice(1)), `${key} holds ${entry.formula}`).toBe(true);
        expect(agreesAt(entry.expected[0][0], cached.get(key) ?? null), `${key} caches the documented value`).toBe(true);
      }
    });

    it(`${family.family}: recalculates every example and compares each documented result cell`, async () => {
      const result = await runFamily(family.family, outDir);
      expect(result.agreeing + result.differences.length).toBe(result.cells);
      results.set(family.family, result);
    }, 300_000);
  }

  it(`agrees with Microsoft's documented results on at least ${(threshold.total * 100).toFixed(1)}% of result cells`, () => {
    expect([...results.keys()].sort()).toEqual(families.map((f) => f.family).sort());
    let cells = 0;
    let agreeing = 0;
    const lines: string[] = [];
    for (const result of results.values()) {
      cells += result.cells;
      agreeing += result.agreeing;
      lines.push(`${result.family}: ${result.agreeing}/${result.cells}`, ...result.differences.map(describeDifference));
    }
    const total = agreeing / cells;
    console.log(`${lines.join('\n')}\ntotal: ${agreeing}/${cells} = ${(total * 100).toFixed(2)}%`);
    expect(total).toBeGreaterThanOrEqual(threshold.total);
  });
});

function a1(address: string): { row: number; col: number } {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(digits) - 1, col };
}
