import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDatasetFile } from '../../ingest/read-dataset.js';
import { runRuleSheet } from '../../rules/run.js';
import type { Dataset, RunSummary } from '../../rules/types.js';
import { unsupportedFormulas } from '../../rules/xlsx/import-issues.js';
import { readWorkbookXlsx } from '../../rules/xlsx/read-workbook.js';
import { tempDir } from '../helpers/files.js';
import { memorySink } from '../helpers/workbooks.js';

const examples = join(process.cwd(), 'examples');
const planted = JSON.parse(readFileSync(join(examples, 'planted-breaks.json'), 'utf8')) as Record<string, Record<string, string>>;

async function data(...names: string[]): Promise<Record<string, Dataset>> {
  const out: Record<string, Dataset> = {};
  for (const name of names) out[name] = (await readDatasetFile(join(examples, 'data', `${name}.csv`), { name })).dataset;
  return out;
}

async function runExample(sheet: string, datasets: Record<string, Dataset>) {
  const { workbook } = readWorkbookXlsx(new Uint8Array(readFileSync(join(examples, 'sheets', `${sheet}.xlsx`))), `${sheet}.xlsx`);
  expect(unsupportedFormulas(workbook)).toEqual([]);
  const sink = memorySink();
  const summary = await runRuleSheet({ workbook, datasets, sink });
  // The identity the exception queue uses, without its pass/side prefix.
  const found = sink.results.filter((r) => r.exception !== null).map((r) => [r.key.replace(/^(p\d+|left|right):/, ''), r.exception]);
  return { summary, found, sink };
}

/** by_exception as the planted list predicts it; a duplicate shows on all three rows involved. */
function expectedTally(breaks: Record<string, string>): Record<string, number> {
  const tally: Record<string, number> = {};
  for (const kind of Object.values(breaks)) tally[kind] = (tally[kind] ?? 0) + (kind.startsWith('duplicate') ? 3 : 1);
  return tally;
}

function expectPlanted(found: (string | null)[][], breaks: Record<string, string>, summary: RunSummary) {
  for (const [id, exception] of found) expect(breaks[id!], `unplanned exception ${exception} on ${id}`).toBe(exception);
  expect(new Set(found.map(([id]) => id))).toEqual(new Set(Object.keys(breaks)));
  expect(summary.by_exception).toEqual(expectedTally(breaks));
}

describe('demo rule sheets (golden results)', () => {
  it('front office vs broker: N:1 blocks find exactly the planted breaks', async () => {
    const datasets = await data('fo_blotter', 'broker_confirms');
    const { summary, found } = await runExample('fo-vs-broker', datasets);
    expectPlanted(found, planted.broker, summary);
    const blocks = new Set(datasets.fo_blotter.rows.map((r) => r[10])).size;
    expect(summary.counts).toEqual({ rows: blocks + 3, matched: blocks - 2, left_only: 2, right_only: 3, exceptions: 9 });
    expect(summary.summary['FO quantity']).toBe(datasets.fo_blotter.rows.reduce((a, r) => a + (r[6] as number), 0) - 0);
  });

  it('front office vs back office: two passes find exactly the planted breaks', async () => {
    const datasets = await data('fo_blotter', 'bo_book');
    const { summary, found } = await runExample('fo-vs-bo', datasets);
    expectPlanted(found, planted.bo, summary);
    const legacy = datasets.bo_book.rows.filter((r) => String(r[1]).startsWith('LEG-')).length;
    expect(summary.summary['Matched on trade details']).toBe(legacy);
    expect(summary.summary['Breaks']).toBe(summary.counts.exceptions);
  });

  it('compliance check flags exactly the planted trades', async () => {
    const { summary, found } = await runExample('compliance', await data('fo_blotter'));
    expectPlanted(found, planted.compliance, summary);
    expect(summary.summary).toEqual({
      'Trades checked': summary.counts.rows,
      'Restricted-list trades': 2,
      'Over the size limit': 2,
      'Far from the close': 2,
    });
  });

  it('positions report nets every fill and values it at the close', async () => {
    const datasets = await data('fo_blotter', 'closing_prices');
    const { sink } = await runExample('positions-report', datasets);
    const positions = sink.report.Positions;
    const fills = datasets.fo_blotter.rows;
    const net = (symbol: string) =>
      fills.filter((r) => r[4] === symbol).reduce((a, r) => a + (r[5] === 'BUY' ? 1 : -1) * (r[6] as number), 0);
    for (const row of positions.slice(1, -1)) expect(row[3], String(row[0])).toBe(net(String(row[0])));
    expect(positions.at(-1)![3]).toBe(fills.reduce((a, r) => a + (r[5] === 'BUY' ? 1 : -1) * (r[6] as number), 0));
  });

  it('the committed demo data is what the generator writes', () => {
    const dir = tempDir('tickmark-examples-');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-examples.ts', dir], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    for (const file of readdirSync(join(examples, 'data'))) {
      expect(readFileSync(join(dir, 'data', file), 'utf8'), file).toBe(readFileSync(join(examples, 'data', file), 'utf8'));
    }
    expect(readFileSync(join(dir, 'planted-breaks.json'), 'utf8')).toBe(readFileSync(join(examples, 'planted-breaks.json'), 'utf8'));
  });
});
