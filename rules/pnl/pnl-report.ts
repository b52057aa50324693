/**
 * A P&L report's part of a `Report` run: reads the trades, prices and rates its Settings
 * name, books them, checks the books, and hands the tables to the report's formula sheets
 * (as engine sheets) and to the run's sink (as report sheets).
 */
import type { RawCellContent } from 'hyperformula';
import { fieldToCell, isoToSerial } from '../field-values.js';
import type { Dataset, RunSink } from '../types.js';
import { isFormula, type CellValue, type Workbook } from '../workbook.js';
import { bookTrades, type PnlBooks } from './book.js';
import { CHECKS_SHEET, checkBooks, checksSheet, type FailedCheck } from './checks.js';
import { requirePnlDataset } from './dataset-fields.js';
import type { PnlSettings } from './pnl-settings.js';
import { DatedSeries, FxRates } from './series.js';
import { PNL_TABLES, tableHeaders, tableRows, type PnlTableName } from './tables.js';
import { readTrades } from './trades.js';

export interface BookedReport {
  books: PnlBooks;
  failed: FailedCheck[];
}

/** Every sheet a P&L report's engine fills: the three tables and the failed checks. */
export const PNL_SHEETS: readonly string[] = [...PNL_TABLES, CHECKS_SHEET];

/** Reads the inputs, books the trades and checks the books. Bad input throws RuleError naming the place. */
export function bookReport(settings: PnlSettings, datasets: Record<string, Dataset>): BookedReport {
  const trades = readTrades(
    requirePnlDataset(datasets, settings.trades, 'Trades', settings.rows.trades),
    settings,
    settings.asOf ? Math.floor(isoToSerial(settings.asOf)!) : null,
  );
  const prices = settings.prices
    ? DatedSeries.read(
        requirePnlDataset(datasets, settings.prices, 'Prices', settings.rows.prices),
        { name: 'symbol', date: 'date', value: 'close' },
        settings.priceFields,
        { name: 'Price fields', row: settings.rows['price fields'] ?? settings.rows.prices },
      )
    : DatedSeries.empty('');
  const base = settings.baseCurrency ?? null;
  const rates = settings.fx
    ? DatedSeries.read(
        requirePnlDataset(datasets, settings.fx, 'FX', settings.rows.fx),
        { name: 'currency', date: 'date', value: 'rate' },
        settings.fxFields,
        { name: 'FX fields', row: settings.rows['fx fields'] ?? settings.rows.fx },
        true,
      )
    : null;
  const books = bookTrades({
    trades,
    costBasis: settings.costBasis,
    prices,
    pricesGiven: settings.prices !== undefined,
    fx: base ? new FxRates(base, rates) : null,
    base,
  });
  return { books, failed: checkBooks(books) };
}

/**
 * The workbook the engine evaluates, with a sheet for each P&L table its formulas (or
 * names) refer to, and those sheets' contents in `replace`. A table no formula reads is not
 * loaded: a million Realized rows would cost the engine gigabytes for nothing.
 */
export function withPnlSheets(workbook: Workbook, booked: BookedReport, replace: Record<string, RawCellContent[][]>): Workbook {
  const formulas = workbook.sheets
    .filter((s) => !isPnlSheet(s.name) && s.name.toLowerCase() !== 'settings')
    .flatMap((s) => s.cells.flatMap((row) => (row ?? []).filter(isFormula)))
    .concat(workbook.names.map((n) => n.expression));
  const sheets = [...workbook.sheets];
  for (const name of PNL_SHEETS) {
    const reference = new RegExp(`(?:^|[^\\w.])'?${name}'?!`, 'i');
    if (!formulas.some((f) => reference.test(f))) continue;
    if (!sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) sheets.push({ name, cells: [] });
    replace[name.toLowerCase()] = engineContent(booked, name);
  }
  return { ...workbook, sheets };
}

/** Whether a sheet of the workbook is one the P&L booking fills (its own content is replaced). */
export function isPnlSheet(name: string): boolean {
  return PNL_SHEETS.some((s) => s.toLowerCase() === name.toLowerCase());
}

/** Hands each table, then the failed checks, to the sink as report sheets. */
export async function emitPnlSheets(booked: BookedReport, sink: RunSink): Promise<string[]> {
  const withBase = booked.books.base !== null;
  for (const name of PNL_TABLES) {
    const header = tableHeaders(name, withBase);
    if (sink.reportSheetRows) await sink.reportSheetRows(name, withHeader(header, tableRows(booked.books, name)));
    else await sink.reportSheet?.(name, [header, ...tableRows(booked.books, name)]);
  }
  await sink.reportSheet?.(CHECKS_SHEET, checksSheet(booked.failed));
  return [...PNL_SHEETS];
}

function* withHeader(header: CellValue[], rows: Iterable<CellValue[]>): Generator<CellValue[]> {
  yield header;
  yield* rows;
}

const DATE_COLUMNS = new Set(['open_date', 'close_date', 'date']);

/** A table as engine cells: dates as serial numbers, so formulas compare and subtract them. */
function engineContent(booked: BookedReport, name: string): RawCellContent[][] {
  if (name === CHECKS_SHEET)
    return checksSheet(booked.failed).map((row) => row.map((v) => fieldToCell(v as string | number | null, undefined)));
  const header = tableHeaders(name as PnlTableName, booked.books.base !== null);
  const types = header.map((h) => (DATE_COLUMNS.has(h) ? ('date' as const) : undefined));
  const out: RawCellContent[][] = [header];
  for (const row of tableRows(booked.books, name as PnlTableName))
    out.push(row.map((v, c) => fieldToCell(v as string | number | null, types[c])));
  return out;
}
