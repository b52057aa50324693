/** Factories for rule-sheet workbooks and datasets used across engine tests. */
import type { Dataset, DatasetColumn, FieldValue, ResultRow, RunSink } from '../../rules/types.js';
import type { CellInput, CellValue, SheetData, Workbook } from '../../rules/workbook.js';

/** A workbook from `{ SheetName: rows }`. */
export function workbook(sheets: Record<string, CellInput[][]>): Workbook {
  return { sheets: Object.entries(sheets).map(([name, cells]): SheetData => ({ name, cells })), names: [] };
}

/** Settings rows from `{ Name: value }`. */
export function settings(values: Record<string, CellInput>): CellInput[][] {
  return Object.entries(values).map(([k, v]) => [k, v]);
}

/** A dataset from a header list with optional `:type` suffixes and rows. */
export function dataset(name: string, header: string[], rows: FieldValue[][]): Dataset {
  const columns: DatasetColumn[] = header.map((h) => {
    const [field, type] = h.split(':');
    return { name: field, type: (type as DatasetColumn['type']) ?? inferType(rows, header.indexOf(h)) };
  });
  return { name, columns, rows };
}

function inferType(rows: FieldValue[][], index: number): DatasetColumn['type'] {
  const v = rows.find((r) => r[index] !== null)?.[index];
  return typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'text';
}

/** A sink that keeps everything, for assertions. */
export function memorySink(): RunSink & { headers: string[]; results: ResultRow[]; report: Record<string, CellValue[][]> } {
  const sink = {
    headers: [] as string[],
    results: [] as ResultRow[],
    report: {} as Record<string, CellValue[][]>,
    columns(headers: string[]) {
      sink.headers = headers;
    },
    rows(batch: ResultRow[]) {
      sink.results.push(...batch);
    },
    reportSheet(name: string, values: CellValue[][]) {
      sink.report[name] = values;
    },
  };
  return sink;
}

/** A result row as `{ header: value }` for readable assertions. */
export function asRecord(headers: string[], row: ResultRow): Record<string, CellValue> {
  return Object.fromEntries(headers.map((h, i) => [h, row.values[i]]));
}
