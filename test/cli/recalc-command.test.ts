import { spawnSync } from 'node:child_process';
import * as XLSX from '@e965/xlsx';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recalcCommand } from '../../cli/recalc-command.js';
import { readWorkbookXlsx } from '../../rules/xlsx/read-workbook.js';
import { CORPUS, corpusFiles } from '../../scripts/excel-conformance.js';
import { tempDir, writeText, writeXlsx } from '../helpers/files.js';

const root = process.cwd();
const dir = tempDir('tickmark-recalc-');
const tickmark = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin/tickmark.mjs'), ...args], { encoding: 'utf8' });
// Generous: a loaded machine makes a workbook slow, never wrong.
const HEAVY = 600_000;

describe('tickmark recalc', () => {
  it('writes new cached values and keeps formulas, sheets and names', () => {
    const input = join(root, '..', 'shared', 'corpus', 'xlsx', 'xlcalculator', 'cross_sheet.xlsx');
    const out = join(dir, 'cross.xlsx');
    const run = tickmark(['recalc', input, '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/17 formulas recalculated/);
    const before = readWorkbookXlsx(new Uint8Array(readFileSync(input)));
    const after = readWorkbookXlsx(new Uint8Array(readFileSync(out)));
    expect(after.workbook.sheets.map((s) => s.cells)).toEqual(before.workbook.sheets.map((s) => s.cells));
    expect(after.workbook.names).toEqual(before.workbook.names);
    expect(after.cached).toEqual(before.cached);
  });

  it('fills values into a workbook saved without any, including errors', () => {
    const input = writeXlsx(dir, 'fresh.xlsx', {
      S: [[2, 3, '=A1*B1', '=A1/0', '=IF(A1>1,"big","small")', '=BDAYS(DATE(2026,11,20),DATE(2026,11,23))']],
    });
    const out = join(dir, 'fresh-out.xlsx');
    expect(tickmark(['recalc', input, '--out', out]).status).toBe(0);
    const { cached } = readWorkbookXlsx(new Uint8Array(readFileSync(out)));
    expect(Object.fromEntries(cached)).toEqual({ 'S!C1': 6, 'S!D1': { error: '#DIV/0!' }, 'S!E1': 'big', 'S!F1': 1 });
  });

  it('notes by cell the formulas it cannot evaluate, and keeps them', () => {
    const input = writeXlsx(dir, 'unknown.xlsx', { S: [[2, '=NOSUCHFUNCTION(A1)', '=A1*2']] });
    const out = join(dir, 'unknown-out.xlsx');
    const run = tickmark(['recalc', input, '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/unknown\.xlsx S!B1: Tickmark has no function NOSUCHFUNCTION/);
    const { workbook, cached } = readWorkbookXlsx(new Uint8Array(readFileSync(out)));
    expect(workbook.sheets[0].cells[0][1]).toBe('=NOSUCHFUNCTION(A1)');
    expect(cached.get('S!C1')).toBe(4);
  });

  it(
    "keeps Excel's value for a formula it cannot parse, notes its cell, and exits 0",
    () => {
      const input = join(CORPUS, 'poi', 'FormulaEvalTestData_Copy.xlsx');
      const out = join(dir, 'poi-out.xlsx');
      const run = tickmark(['recalc', input, '--out', out]);
      expect(run.status).toBe(0);
      expect(run.stderr).toMatch(
        /^note: FormulaEvalTestData_Copy\.xlsx EverythingTests!H67: Tickmark cannot read this formula: Parsing error.*; Excel's value kept$/m,
      );
      expect(run.stdout).toMatch(/, 1 kept Excel's value \(cannot be evaluated\) -> /);
      const before = readWorkbookXlsx(new Uint8Array(readFileSync(input)));
      const after = readWorkbookXlsx(new Uint8Array(readFileSync(out)));
      const sheet = before.workbook.sheets.find((s) => s.name === 'EverythingTests')!;
      expect(sheet.cells[66][7]).toBe('=1000%%');
      // Excel's cached value, by hand as well: 1000 % % is 1000 / 100 / 100.
      expect(before.cached.get('EverythingTests!H67')).toBe(0.1);
      expect(after.cached.get('EverythingTests!H67')).toBe(0.1);
    },
    HEAVY,
  );

  it('notes a defined name the engine cannot hold, and keeps the value of the formulas using it', () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([[5, { t: 'n', v: 10, f: 'Here*2' }, { t: 'n', v: 0, f: 'A1*3' }]]), 'S');
    // A name with a relative reference: Excel allows it, HyperFormula does not.
    book.Workbook = { Names: [{ Name: 'Here', Ref: 'S!A1' }] };
    const input = join(dir, 'names.xlsx');
    writeFileSync(input, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
    const out = join(dir, 'names-out.xlsx');
    const run = tickmark(['recalc', input, '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^note: names\.xlsx name "Here": Tickmark cannot hold the name "Here" \(Relative addresses/m);
    expect(run.stderr).toMatch(/^note: names\.xlsx S!B1: .*"Here".*; Excel's value kept$/m);
    expect(Object.fromEntries(readWorkbookXlsx(new Uint8Array(readFileSync(out))).cached)).toEqual({ 'S!B1': 10, 'S!C1': 15 });
  });

  it("recalculates an array formula's whole range", () => {
    // Stale cached values, as a workbook edited outside Excel might carry; row 3 is a legacy
    // array over a range wider than its result, where Excel shows #N/A past the end.
    const input = writeXlsx(dir, 'array.xlsx', {
      S: [
        [1, 2, 3],
        [{ t: 'n', v: 0, f: 'A1:C1*10', F: 'A2:C2' }, 0, 0],
        [{ t: 'n', v: 0, f: 'A1:B1*10', F: 'A3:C3' }, 0, 0],
      ],
    });
    const out = join(dir, 'array-out.xlsx');
    expect(tickmark(['recalc', input, '--out', out]).status).toBe(0);
    const after = XLSX.read(readFileSync(out), { cellFormula: true });
    expect(['A2', 'B2', 'C2'].map((a) => after.Sheets.S[a].v)).toEqual([10, 20, 30]);
    expect(['A3', 'B3', 'C3'].map((a) => (after.Sheets.S[a].t === 'e' ? after.Sheets.S[a].w : after.Sheets.S[a].v))).toEqual([
      10,
      20,
      '#N/A',
    ]);
    expect(after.Sheets.S.A2.F).toBe('A2:C2');
  });

  it('fails with one line naming the file, and writes nothing', () => {
    const out = join(dir, 'never.xlsx');
    const run = tickmark(['recalc', writeText(dir, 'notes.xlsx', 'plain text'), '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('tickmark recalc: notes.xlsx: not an .xlsx workbook (the file is not a zip archive)\n');
    expect(existsSync(out)).toBe(false);
    expect(tickmark(['recalc', 'x.xlsx']).stderr).toMatch(/--out OUT.xlsx is required/);
  });
});

describe('tickmark recalc over every workbook of the corpus', () => {
  const out = tempDir('tickmark-recalc-corpus-');
  for (const file of corpusFiles().sort()) {
    const name = relative(CORPUS, file);
    it(
      `exits 0 and writes ${name}`,
      async () => {
        const target = join(out, name.replace(/[\\/]/g, '_'));
        const errors: string[] = [];
        const status = await recalcCommand([file, '--out', target], { stdout: () => {}, stderr: (text) => errors.push(text) });
        expect(status, errors.join('')).toBe(0);
        // Anything on standard error is a note by cell or name, never a failure line.
        expect(errors.filter((line) => !line.startsWith('note: '))).toEqual([]);
        // The conformance test (test/excel) reads every output back; here it need only exist.
        expect(existsSync(target)).toBe(true);
      },
      HEAVY,
    );
  }
});
