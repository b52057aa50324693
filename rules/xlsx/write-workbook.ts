/**
 * Writes a Workbook as `.xlsx`: every sheet, formulas with the prefixes Excel needs (and
 * the values Tickmark calculates for them, so the file shows numbers before Excel
 * recalculates), values, defined names, column widths, number and date formats, and
 * "full calculation on load" so Excel recalculates everything when it opens the file.
 */
import * as XLSX from '@e965/xlsx';
import { CellType, type HyperFormula } from 'hyperformula';
import { formulaCells, loadEngineWorkbook } from '../engine-workbook.js';
import { fromFormulaValue } from '../field-values.js';
import { arrayFormulaBody, excelFormula, fixedArrayParts } from '../formula-text.js';
import { markDynamicArrays } from './dynamic-arrays.js';
import { legacyFormula, nameShapes, withoutImpliedAt } from './implicit-intersection.js';
import { editPart } from './package-parts.js';
import { isErrorValue, isFormula, type CellValue, type Workbook } from '../workbook.js';
import { EXCEL_ERROR_CODES } from './error-codes.js';

export function writeWorkbookXlsx(workbook: Workbook): Uint8Array {
  const { values, arrays } = calculatedValues(workbook);
  const book = XLSX.utils.book_new();
  const dynamicCells = new Map<number, Set<string>>();
  const legacy = { nameShape: nameShapes(workbook.names) };
  workbook.sheets.forEach((sheet, index) => {
    dynamicCells.set(index, new Set());
    const ws: XLSX.WorkSheet = {};
    let maxRow = 0;
    let maxCol = 0;
    const put = (r: number, c: number, cell: XLSX.CellObject) => {
      const format = sheet.formats?.[`${r},${c}`];
      if (format) cell.z = format;
      ws[XLSX.utils.encode_cell({ r, c })] = cell;
      maxRow = Math.max(maxRow, r);
      maxCol = Math.max(maxCol, c);
    };
    sheet.cells.forEach((row, r) =>
      (row ?? []).forEach((input, c) => {
        if (input === null || input === undefined) return;
        if (!isFormula(input))
          return put(r, c, valueCell(typeof input === 'string' && input in EXCEL_ERROR_CODES ? { error: input } : input));
        const key = `${sheet.name}!${r},${c}`;
        const fixed = fixedArrayParts(input);
        // A formula whose result spills (`=SEQUENCE(3)`) is a dynamic array as much as an `=ARRAYFORMULA(…)` one.
        // So is one that legacy Excel would read otherwise (`=SUM(A1:A3*2)`: it would put `@` in).
        const dynamic = arrays.has(key) || legacyFormula(input, legacy) !== input;
        const body = fixed?.body ?? arrayFormulaBody(input) ?? (dynamic ? input : null);
        // A plain formula is written as legacy Excel writes it, its implied `@`s left out.
        if (body === null)
          return put(r, c, { ...valueCell(values.get(key) ?? null), f: excelFormula(withoutImpliedAt(input, legacy)).slice(1) });
        // Excel stores an array formula bare in its first cell, with the range it fills; the
        // other cells of the range carry only their values. A fixed (legacy) array keeps its
        // size, #N/A where the result is smaller, as Excel shows it; a dynamic one fills what
        // its result fills, and is marked dynamic (cm) so Excel and Tickmark read it back as one.
        const result = arrays.get(key) ?? [[values.get(key) ?? null]];
        const [rows, columns] = fixed ? [fixed.rows, fixed.columns] : [result.length, result[0].length];
        const at = (i: number, j: number): CellValue => (i < result.length && j < result[i].length ? result[i][j] : { error: '#N/A' });
        for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) if (i || j) put(r + i, c + j, valueCell(at(i, j)));
        const end = XLSX.utils.encode_cell({ r: r + rows - 1, c: c + columns - 1 });
        const start = XLSX.utils.encode_cell({ r, c });
        // A dynamic array's range is always "A1:B2", even for one cell: Excel's "A1" means fixed.
        put(r, c, { ...valueCell(at(0, 0)), f: excelFormula(body).slice(1), F: fixed && rows * columns === 1 ? start : `${start}:${end}` });
        if (!fixed) dynamicCells.get(index)!.add(start);
      }),
    );
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: maxRow, c: maxCol } });
    if (sheet.columnWidths?.some((w) => w)) ws['!cols'] = sheet.columnWidths.map((w) => (w ? { wch: w } : {}));
    XLSX.utils.book_append_sheet(book, ws, sheet.name);
  });
  book.Workbook = {
    ...(workbook.date1904 ? { WBProps: { date1904: true } } : {}),
    Names: workbook.names.map((n) => ({
      Name: n.name,
      Ref: excelFormula(n.expression.startsWith('=') ? n.expression : `=${n.expression}`).slice(1),
      ...(n.scope ? { Sheet: workbook.sheets.findIndex((s) => s.name === n.scope) } : {}),
    })),
  };
  const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  return finishPackage(bytes, dynamicCells);
}

interface Calculated {
  /** Tickmark's value of every formula cell, by `Sheet!row,col`. */
  values: Map<string, CellValue>;
  /** Every value an array formula fills, by its first cell. */
  arrays: Map<string, CellValue[][]>;
}

/** What Tickmark calculates for the workbook; a workbook HyperFormula cannot load exports without values. */
function calculatedValues(workbook: Workbook): Calculated {
  const calculated: Calculated = { values: new Map(), arrays: new Map() };
  let hf;
  try {
    hf = loadEngineWorkbook(workbook);
  } catch {
    return calculated;
  }
  try {
    for (const { sheet, row, col, input, address } of formulaCells(workbook, hf)) {
      const key = `${sheet}!${row},${col}`;
      calculated.values.set(key, fromFormulaValue(hf.getCellValue(address)));
      const spills = hf.getCellType(address) === CellType.ARRAYFORMULA;
      if (spills || arrayFormulaBody(input) !== null || fixedArrayParts(input) !== null)
        calculated.arrays.set(key, arrayValues(hf, address.sheet, row, col));
    }
  } finally {
    hf.destroy();
  }
  return calculated;
}

/** The block of values an array formula at (row, col) fills. */
function arrayValues(hf: HyperFormula, sheet: number, row: number, col: number): CellValue[][] {
  const inArray = (r: number, c: number) => hf.getCellType({ sheet, row: r, col: c }) === CellType.ARRAY;
  let width = 1;
  while (inArray(row, col + width)) width += 1;
  let height = 1;
  while (inArray(row + height, col)) height += 1;
  return Array.from({ length: height }, (_, i) =>
    Array.from({ length: width }, (_, j) => fromFormulaValue(hf.getCellValue({ sheet, row: row + i, col: col + j }))),
  );
}

function valueCell(value: CellValue): XLSX.CellObject {
  if (value === null) return { t: 's', v: '' };
  if (isErrorValue(value)) return { t: 'e', v: EXCEL_ERROR_CODES[value.error] ?? 0x0f, w: value.error };
  if (typeof value === 'number') return { t: 'n', v: value };
  if (typeof value === 'boolean') return { t: 'b', v: value };
  return { t: 's', v: value };
}

/**
 * What SheetJS does not write: `<calcPr fullCalcOnLoad>` in xl/workbook.xml so Excel
 * recalculates on open, and the marks of dynamic array formulas.
 */
function finishPackage(bytes: Buffer, dynamicCells: Map<number, Set<string>>): Uint8Array {
  const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
  markDynamicArrays(zip, dynamicCells);
  const recalculates = editPart(zip, '/xl/workbook.xml', (xml) =>
    xml.replace('</workbook>', '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>'),
  );
  if (!recalculates) throw new Error('the written workbook has no xl/workbook.xml');
  return new Uint8Array(XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip', compression: true }) as Buffer);
}
