/**
 * Tickmark's exports opened by LibreOffice (issue: Excel fidelity). Every corpus workbook is
 * imported, exported by Tickmark, then converted by LibreOffice headless with recalculation
 * forced on load; LibreOffice's values are compared with Tickmark's, formula by formula
 * (numbers to 1e-9 relative, text and errors exactly).
 *
 *   npx tsx bench/libreoffice-roundtrip.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { agrees } from '../rules/xlsx/conformance.js';
import { readWorkbookXlsx } from '../rules/xlsx/read-workbook.js';
import { writeWorkbookXlsx } from '../rules/xlsx/write-workbook.js';
import { CORPUS, corpusFiles } from '../scripts/excel-conformance.js';

if (spawnSync('soffice', ['--version']).error) {
  console.log('skipped: LibreOffice (soffice) is not installed; on Debian: apt-get install -y libreoffice-calc-nogui');
  process.exit(0);
}

const dir = resolve('bench', 'out', 'libreoffice');
rmSync(dir, { recursive: true, force: true });
const exported = join(dir, 'tickmark');
const converted = join(dir, 'libreoffice');
const profile = join(dir, 'profile');
mkdirSync(exported, { recursive: true });
mkdirSync(converted, { recursive: true });
// A LibreOffice profile that recalculates every formula of an .xlsx on load (its default is never).
mkdirSync(join(profile, 'user'), { recursive: true });
writeFileSync(
  join(profile, 'user', 'registrymodifications.xcu'),
  `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`,
);

const files = corpusFiles().sort();
const names: string[] = [];
for (const file of files) {
  const name = relative(CORPUS, file).replace(/[\\/]/g, '__');
  writeFileSync(join(exported, name), writeWorkbookXlsx(readWorkbookXlsx(new Uint8Array(readFileSync(file)), name).workbook));
  names.push(name);
}
const started = performance.now();
const soffice = spawnSync(
  'soffice',
  [
    `-env:UserInstallation=file://${profile}`,
    '--headless',
    '--calc',
    '--convert-to',
    'xlsx',
    '--outdir',
    converted,
    ...names.map((n) => join(exported, n)),
  ],
  { encoding: 'utf8', timeout: 600_000 },
);
if (soffice.status !== 0) throw new Error(`soffice failed: ${soffice.stderr}`);
const seconds = (performance.now() - started) / 1000;

let formulas = 0;
let agreeing = 0;
// For reference: how often LibreOffice itself reproduces Excel's cached values on the same files.
let excelAgreeing = 0;
const byFile: string[] = [];
for (const name of names) {
  const ours = readWorkbookXlsx(new Uint8Array(readFileSync(join(exported, name))), name).cached;
  const theirs = readWorkbookXlsx(new Uint8Array(readFileSync(join(converted, name))), name).cached;
  const excel = readWorkbookXlsx(new Uint8Array(readFileSync(join(CORPUS, name.replace('__', '/')))), name).cached;
  let n = 0;
  let ok = 0;
  for (const [cell, value] of ours) {
    if (value === null) continue;
    n += 1;
    if (agrees(value, theirs.get(cell) ?? null)) ok += 1;
    const cachedByExcel = excel.get(cell);
    if (cachedByExcel !== null && cachedByExcel !== undefined && agrees(cachedByExcel, theirs.get(cell) ?? null)) excelAgreeing += 1;
  }
  formulas += n;
  agreeing += ok;
  byFile.push(`${name.replace('__', '/')}: ${ok}/${n}`);
}
console.log(byFile.join('\n'));
console.log(
  `LibreOffice ${spawnSync('soffice', ['--version'], { encoding: 'utf8' }).stdout.trim().split(' ').slice(0, 2).join(' ')} converted ${names.length} Tickmark exports in ${seconds.toFixed(1)} s`,
);
console.log(`LibreOffice agrees with Tickmark on ${agreeing}/${formulas} formulas = ${((100 * agreeing) / formulas).toFixed(2)}%`);
console.log(
  `(LibreOffice agrees with Excel's own cached values on ${excelAgreeing}/${formulas} = ${((100 * excelAgreeing) / formulas).toFixed(2)}%)`,
);
