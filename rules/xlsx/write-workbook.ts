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
import { arrayFormulaBody, excelFormula, oneCellArrayBody } from '../formula-text.js';
import { isErrorValue, isFormula, type CellValue, type Workbook } from '../workbook.js';
import { EXCEL_ERROR_CODES } from './error-codes.js';

export function writeWorkbookXlsx(workbook: Workbook): Uint8Array {
  const { values, arrays } = calculatedValues(workbook);
  const book = XLSX.utils.book_new();
  for (const sheet of workbook.sheets) {
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
        const oneCell = oneCellArrayBody(input);
        if (oneCell !== null)
          return put(r, c, {
            ...valueCell(values.get(`${sheet.name}!${r},${c}`) ?? null),
            f: excelFormula(oneCell).slice(1),
            F: XLSX.utils.encode_cell({ r, c }),
          });
        const body = arrayFormulaBody(input);
        const array = arrays.get(`${sheet.name}!${r},${c}`);
        if (body === null)
          return put(r, c, { ...valueCell(values.get(`${sheet.name}!${r},${c}`) ?? null), f: excelFormula(input).slice(1) });
        // Excel stores an array formula bare in its first cell, with the range it fills;
        // the other cells of the range carry only their values.
        const filled = array ?? [[values.get(`${sheet.name}!${r},${c}`) ?? null]];
        // Always "A1:B2" form, even for one cell: Excel writes a one-cell array as "A1", which
        // Tickmark imports as a plain formula, so an ARRAYFORMULA written here comes back as one.
        const end = XLSX.utils.encode_cell({ r: r + filled.length - 1, c: c + filled[0].length - 1 });
        const range = `${XLSX.utils.encode_cell({ r, c })}:${end}`;
        filled.forEach((line, i) => line.forEach((value, j) => (i || j) && put(r + i, c + j, valueCell(value))));
        put(r, c, { ...valueCell(filled[0][0]), f: excelFormula(body).slice(1), F: range });
      }),
    );
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: maxRow, c: maxCol } });
    if (sheet.columnWidths?.some((w) => w)) ws['!cols'] = sheet.columnWidths.map((w) => (w ? { wch: w } : {}));
    XLSX.utils.book_append_sheet(book, ws, sheet.name);
  }
  book.Workbook = {
    ...(workbook.date1904 ? { WBProps: { date1904: true } } : {}),
    Names: workbook.names.map((n) => ({
      Name: n.name,
      Ref: excelFormula(n.expression.startsWith('=') ? n.expression : `=${n.expression}`).slice(1),
      ...(n.scope ? { Sheet: workbook.sheets.findIndex((s) => s.name === n.scope) } : {}),
    })),
  };
  const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  return fullCalculationOnLoad(bytes);
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
      if (arrayFormulaBody(input) !== null) calculated.arrays.set(key, arrayValues(hf, address.sheet, row, col));
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

/** SheetJS does not write `<calcPr>`; add `fullCalcOnLoad` to xl/workbook.xml so Excel recalculates on open. */
function fullCalculationOnLoad(bytes: Buffer): Uint8Array {
  const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
  const entry = XLSX.CFB.find(zip, '/xl/workbook.xml');
  if (!entry?.content) throw new Error('the written workbook has no xl/workbook.xml');
  const xml = Buffer.from(entry.content as Uint8Array).toString('utf8');
  entry.content = Buffer.from(xml.replace('</workbook>', '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>'), 'utf8');
  return new Uint8Array(XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip', compression: true }) as Buffer);
}
