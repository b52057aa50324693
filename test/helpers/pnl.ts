/** Runs a P&L report over in-memory datasets and reads its tables back as records. */
import { runRuleSheet } from '../../rules/run.js';
import type { Dataset, RunSummary } from '../../rules/types.js';
import type { CellInput, CellValue } from '../../rules/workbook.js';
import { dataset, memorySink, settings, workbook } from './workbooks.js';

export const TRADE_HEADER = ['account', 'symbol', 'side', 'quantity', 'price', 'fee', 'date:date'];

/** Trades with the header above, and a `time` field when the rows have an eighth value. */
export function trades(rows: (string | number | null)[][], given?: string[]): Dataset {
  const header = given ?? (rows.some((r) => r.length > TRADE_HEADER.length) ? [...TRADE_HEADER, 'time'] : TRADE_HEADER);
  return dataset(
    'trades',
    header,
    rows.map((r) => header.map((_, i) => r[i] ?? null)),
  );
}

/** Closing prices: [symbol, date, close]. */
export function closes(rows: [string, string, number][]): Dataset {
  return dataset('prices', ['symbol', 'date:date', 'close'], rows);
}

export interface PnlRun {
  summary: RunSummary;
  /** Each report sheet as records keyed by its row-1 headers. */
  tables: Record<string, Record<string, CellValue>[]>;
  /** Each report sheet as written, row 1 first. */
  sheets: Record<string, CellValue[][]>;
}

/** Runs a Report whose Settings are `{ Type: 'Report', Trades: 'trades', Prices: 'prices', ...extra }`. */
export async function runPnl(
  datasets: Dataset[],
  extra: Record<string, CellInput> = {},
  otherSheets: Record<string, CellInput[][]> = {},
): Promise<PnlRun> {
  const sink = memorySink();
  const wb = workbook({ Settings: settings({ Type: 'Report', Trades: 'trades', Prices: 'prices', ...extra }), ...otherSheets });
  const summary = await runRuleSheet({ workbook: wb, datasets: Object.fromEntries(datasets.map((d) => [d.name, d])), sink });
  const tables: PnlRun['tables'] = {};
  for (const [name, values] of Object.entries(sink.report)) {
    const [header, ...rows] = values;
    tables[name] = rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? null])));
  }
  return { summary, tables, sheets: sink.report };
}

/** Only some columns of each record, for compact goldens. */
export function pick(records: Record<string, CellValue>[], columns: string[]): CellValue[][] {
  return records.map((r) => columns.map((c) => r[c]));
}
