import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRuleSheet } from '../../rules/run.js';
import { referencedSheets } from '../../rules/sheet-references.js';
import { tempDir, writeText } from '../helpers/files.js';
import { ruleErrorOf } from '../helpers/rejection.js';
import { dataset, memorySink, settings, workbook } from '../helpers/workbooks.js';

const data = dataset(
  'd',
  ['a', 'b'],
  [
    [1, 'x'],
    [2, 'y'],
  ],
);
const check = (rule: string) =>
  workbook({
    Settings: settings({ Type: 'Check', Data: 'd' }),
    Rows: [
      ['a', 'b', 'looked up', 'Exception'],
      [null, null, rule, '=IF(A2>1,"big","")'],
    ],
    Prices: [
      ['x', 10],
      ['y', 20],
    ],
    'Closing prices': [['x', 11]],
  });

describe('sheet references in formulas', () => {
  it('lists the sheets a formula names, quoted or not, outside strings and error values', () => {
    expect(referencedSheets("=VLOOKUP(B2,Prices!A:B,2,0)+'Closing prices'!B1")).toEqual(['Prices', 'Closing prices']);
    expect(referencedSheets("='It''s'!A1&prices!B2&Prices!C3")).toEqual(["It's", 'prices']);
    expect(referencedSheets('="Nope!A1"&IFERROR(1/0,#DIV/0!)&#REF!&A1')).toEqual([]);
    expect(referencedSheets('=SUM(A1:B2)')).toEqual([]);
    expect(referencedSheets('=Données_2!A1')).toEqual(['Données_2']);
  });

  it('runs a rule over sheets that exist, whatever their case', async () => {
    const sink = memorySink();
    await runRuleSheet({
      workbook: check("=VLOOKUP(B2,prices!A:B,2,0)+'closing PRICES'!$B$1"),
      datasets: { d: data },
      sink,
    });
    expect(sink.results.map((r) => r.values[2])).toEqual([21, 31]);
  });

  it('refuses a rule naming a sheet the workbook does not have, by its cell', async () => {
    const error = await ruleErrorOf(runRuleSheet({ workbook: check('=Nope!A1+1'), datasets: { d: data }, sink: memorySink() }));
    expect(error.code).toBe('missing_sheet');
    expect(error.place).toEqual({ sheet: 'Rows', cell: 'C2' });
    expect(error.describe()).toBe('Rows!C2: the formula refers to sheet "Nope", which this workbook does not have');
    const quoted = await ruleErrorOf(runRuleSheet({ workbook: check("='Closing price'!B1"), datasets: { d: data }, sink: memorySink() }));
    expect(quoted.message).toBe('the formula refers to sheet "Closing price", which this workbook does not have');
  });

  it('is one line from the CLI, naming the file and cell', () => {
    const dir = tempDir('tickmark-missing-sheet-');
    const sheet = writeText(dir, 'rule.json', JSON.stringify(check('=Nope!A1')));
    const csv = writeText(dir, 'd.csv', 'a,b\n1,x\n2,y\n');
    const run = spawnSync(process.execPath, ['bin/tickmark.mjs', 'run', sheet, '--data', `d=${csv}`, '--out', join(dir, 'out')], {
      encoding: 'utf8',
      cwd: process.cwd(),
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('tickmark run: rule.json, Rows!C2: the formula refers to sheet "Nope", which this workbook does not have\n');
  });
});
