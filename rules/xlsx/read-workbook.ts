/**
 * Reads an `.xlsx` workbook into Tickmark's Workbook: every sheet, formulas (SheetJS
 * expands shared formulas per cell), values, defined names and column widths, plus the
 * values Excel cached for each formula. Formulas are kept exactly as written; the ones the
 * engine cannot evaluate are listed per cell by `unsupportedFormulas` (import-issues.ts).
 */
import * as XLSX from '@e965/xlsx';
import { RuleError } from '../errors.js';
import { asArrayFormula, asFixedArrayFormula, withoutPrefixes } from '../formula-text.js';
import { dynamicArrayCells } from './dynamic-arrays.js';
import { legacyFormula, nameShapes, type LegacyOptions } from './implicit-intersection.js';
import type { CellInput, CellValue, DefinedName, SheetData, Workbook } from '../workbook.js';

export interface ImportedWorkbook {
  workbook: Workbook;
  /** Excel's cached value of every formula cell, by `Sheet!A1`. */
  cached: Map<string, CellValue>;
}

/** Parses the bytes of an `.xlsx` file; a file that is not one is a RuleError naming it. */
export function readWorkbookXlsx(data: Uint8Array, fileName = 'workbook.xlsx'): ImportedWorkbook {
  // An .xlsx file is a zip archive; SheetJS would happily read other bytes as a text sheet.
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b || data[2] !== 0x03 || data[3] !== 0x04) {
    throw new RuleError('bad_file', 'not an .xlsx workbook (the file is not a zip archive)', { file: fileName });
  }
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(data, {
      type: 'array',
      cellFormula: true,
      cellNF: true,
      cellStyles: true,
      cellDates: false,
      xlfn: true,
      dense: false,
      bookFiles: true,
    });
  } catch (error) {
    throw new RuleError('bad_file', `not a readable .xlsx workbook: ${(error as Error).message}`, { file: fileName });
  }
  if (!book.SheetNames?.length) throw new RuleError('bad_file', 'the workbook has no sheets', { file: fileName });
  const cached = new Map<string, CellValue>();
  // SheetJS keeps the package's parts (bookFiles), so the dynamic-array marks it ignores are read without unzipping twice.
  const { Directory, files } = book as { Directory?: { sheets?: string[] }; files?: Record<string, { content?: Uint8Array }> };
  const dynamic = (Directory?.sheets ?? []).map((path) => {
    const content = files?.[path.replace(/^\//, '')]?.content;
    return dynamicArrayCells(content ? Buffer.from(content).toString('utf8') : null);
  });
  const names = readNames(book);
  const legacy: LegacyOptions = { nameShape: nameShapes(names) };
  const sheets = book.SheetNames.map((name, i) => readSheet(name, book.Sheets[name], cached, dynamic[i] ?? new Set(), legacy));
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  const workbook: Workbook = { sheets, names, ...(date1904 ? { date1904 } : {}) };
  return { workbook, cached };
}

function readSheet(
  name: string,
  sheet: XLSX.WorkSheet,
  cached: Map<string, CellValue>,
  dynamic: Set<string>,
  legacy: LegacyOptions,
): SheetData {
  const cells: CellInput[][] = [];
  const formats: Record<string, string> = {};
  const ref = sheet['!ref'];
  if (ref) {
    const range = XLSX.utils.decode_range(ref);
    const filled = arrayFilledCells(sheet);
    // The cells that exist, in row order: a declared range can be a whole column (A1:H1048576).
    const present = Object.keys(sheet)
      .filter((key) => !key.startsWith('!'))
      .map((address) => ({ address, ...XLSX.utils.decode_cell(address) }))
      .filter(({ r, c }) => r >= range.s.r && r <= range.e.r && c >= range.s.c && c <= range.e.c)
      .sort((a, b) => a.r - b.r || a.c - b.c);
    for (const { address, r, c } of present) {
      const cell = sheet[address] as XLSX.CellObject;
      // Cells an array formula fills hold its cached results; the formula fills them again.
      if (filled.has(address)) continue;
      const input = cellInput(cell, dynamic.has(address), legacy);
      if (input === null) continue;
      (cells[r] ??= [])[c] = input;
      if (cell.f) cached.set(`${name}!${address}`, cachedValue(cell));
      if (cell.z && cell.z !== 'General') formats[`${r},${c}`] = String(cell.z);
    }
  }
  for (let r = 0; r < cells.length; r++) cells[r] ??= [];
  for (const row of cells) for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  const widths = (sheet['!cols'] ?? []).map((col) => (col?.wch ?? (col?.width !== undefined ? col.width : null)) as number | null);
  return { name, cells, ...(widths.length ? { columnWidths: widths } : {}), ...(Object.keys(formats).length ? { formats } : {}) };
}

/** Addresses inside array formulas' ranges, other than the cell holding each formula. */
function arrayFilledCells(sheet: XLSX.WorkSheet): Set<string> {
  const filled = new Set<string>();
  for (const [address, value] of Object.entries(sheet)) {
    const cell = value as XLSX.CellObject;
    if (address.startsWith('!') || !cell?.f || !cell.F || !cell.F.includes(':')) continue;
    const range = XLSX.utils.decode_range(cell.F);
    for (let r = range.s.r; r <= range.e.r; r++)
      for (let c = range.s.c; c <= range.e.c; c++) {
        const inside = XLSX.utils.encode_cell({ r, c });
        if (inside !== address) filled.add(inside);
      }
  }
  return filled;
}

function cellInput(cell: XLSX.CellObject, dynamic: boolean, legacy: LegacyOptions): CellInput {
  if (cell.f) {
    const formula = withoutPrefixes(`=${cell.f}`);
    // A plain formula is legacy Excel's (a dynamic one always fills a range and carries the
    // mark): `@` where it meant implicit intersection, as Excel 365 shows it.
    if (!cell.F) return legacyFormula(formula, legacy);
    // A dynamic array (Excel 365) fills as far as its result reaches; a legacy one and any
    // one-cell array keep to their range (a one-cell dynamic array did not spill when saved).
    const range = XLSX.utils.decode_range(cell.F);
    const [rows, columns] = [range.e.r - range.s.r + 1, range.e.c - range.s.c + 1];
    return dynamic && cell.F.includes(':') ? asArrayFormula(formula) : asFixedArrayFormula(formula, rows, columns);
  }
  switch (cell.t) {
    case 'n':
      return cell.v as number;
    case 'b':
      return cell.v as boolean;
    case 'e':
      return cell.w ?? '#N/A';
    case 'd':
      return (cell.v as Date).toISOString().slice(0, 10);
    case 's':
      return String(cell.v ?? '');
    default:
      return null;
  }
}

function cachedValue(cell: XLSX.CellObject): CellValue {
  if (cell.v === undefined || cell.v === null) return null;
  if (cell.t === 'e') return { error: cell.w ?? '#N/A' };
  if (cell.v instanceof Date) return cell.v.toISOString().slice(0, 10);
  return cell.v as number | string | boolean;
}

function readNames(book: XLSX.WorkBook): DefinedName[] {
  const names = book.Workbook?.Names ?? [];
  return names
    .filter((n) => n.Name && n.Ref && !n.Name.startsWith('_xlnm.'))
    .map((n) => ({
      name: n.Name,
      expression: withoutPrefixes(`=${n.Ref}`),
      ...(n.Sheet !== undefined && n.Sheet !== null ? { scope: book.SheetNames[n.Sheet] } : {}),
    }));
}
