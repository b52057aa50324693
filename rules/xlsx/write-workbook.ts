/**
 * Writes a Workbook as `.xlsx`: every sheet, formulas with the prefixes Excel needs (and
 * the values Tickmark calculates for them, so the file shows numbers before Excel
 * recalculates), values, defined names, column widths, number and date formats, and
 * "full calculation on load" so Excel recalculates everything when it opens the file.
 */
import * as XLSX from '@e965/xlsx';
import { loadEngineWorkbook } from '../engine-workbook.js';
import { fromFormulaValue } from '../field-values.js';
import { excelFormula } from '../formula-text.js';
import { isErrorValue, isFormula, type CellValue, type Workbook } from '../workbook.js';
import { EXCEL_ERROR_CODES } from './error-codes.js';

export function writeWorkbookXlsx(workbook: Workbook): Uint8Array {
  const values = calculatedValues(workbook);
  const book = XLSX.utils.book_new();
  for (const sheet of workbook.sheets) {
    const ws: XLSX.WorkSheet = {};
    let maxRow = 0;
    let maxCol = 0;
    sheet.cells.forEach((row, r) =>
      (row ?? []).forEach((input, c) => {
        if (input === null || input === undefined) return;
        const address = XLSX.utils.encode_cell({ r, c });
        const cell: XLSX.CellObject = isFormula(input)
          ? { ...valueCell(values.get(`${sheet.name}!${r},${c}`) ?? null), f: excelFormula(input).slice(1) }
          : valueCell(typeof input === 'string' && input in EXCEL_ERROR_CODES ? { error: input } : input);
        const format = sheet.formats?.[`${r},${c}`];
        if (format) cell.z = format;
        ws[address] = cell;
        maxRow = Math.max(maxRow, r);
        maxCol = Math.max(maxCol, c);
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

/** Tickmark's value of every formula cell, by `Sheet!row,col`; a workbook HyperFormula cannot load exports without them. */
function calculatedValues(workbook: Workbook): Map<string, CellValue> {
  const values = new Map<string, CellValue>();
  let hf;
  try {
    hf = loadEngineWorkbook(workbook);
  } catch {
    return values;
  }
  try {
    for (const sheet of workbook.sheets) {
      const id = hf.getSheetId(sheet.name)!;
      sheet.cells.forEach((row, r) =>
        (row ?? []).forEach((input, c) => {
          if (isFormula(input)) values.set(`${sheet.name}!${r},${c}`, fromFormulaValue(hf.getCellValue({ sheet: id, row: r, col: c })));
        }),
      );
    }
  } finally {
    hf.destroy();
  }
  return values;
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
