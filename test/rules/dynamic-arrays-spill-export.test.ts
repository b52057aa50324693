/**
 * A formula typed in Tickmark whose result spills (`=SEQUENCE(3)`, `=BYROW(…)`) is written to
 * .xlsx as Excel 365's dynamic array: the formula in its first cell with the range it fills
 * (`F`), the `cm` mark pointing at xl/metadata.xml, and the values in the cells below; and
 * Tickmark's own import of that file spills the same values.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { loadEngineWorkbook } from '../../rules/engine-workbook.js';
import { fromEngineValue } from '../../rules/field-values.js';
import { readWorkbookXlsx } from '../../rules/xlsx/read-workbook.js';
import { writeWorkbookXlsx } from '../../rules/xlsx/write-workbook.js';
import type { CellValue, Workbook } from '../../rules/workbook.js';

const workbook: Workbook = {
  sheets: [
    {
      name: 'S',
      cells: [
        ['=SEQUENCE(3)', '=SUM(A1#)', '=A1*2', '=SEQUENCE(2,2,10)', null],
        [null, null, '=A2*2', null, null],
        [null, null, '=A3*2', null, null],
      ],
    },
  ],
  names: [],
};

function values(book: Workbook, block: string): CellValue[][] {
  const hf = loadEngineWorkbook(book);
  try {
    const { s, e } = XLSX.utils.decode_range(block);
    const out: CellValue[][] = [];
    for (let r = s.r; r <= e.r; r++) {
      const row: CellValue[] = [];
      for (let c = s.c; c <= e.c; c++) row.push(fromEngineValue(hf.getCellValue({ sheet: 0, row: r, col: c })));
      out.push(row);
    }
    return out;
  } finally {
    hf.destroy();
  }
}

describe('exporting formulas that spill', () => {
  const bytes = writeWorkbookXlsx(workbook);

  it('writes them as Excel writes a dynamic array: formula, range, values, cm mark', () => {
    const raw = XLSX.read(bytes, { cellFormula: true, xlfn: true, bookFiles: true });
    const sheet = raw.Sheets.S;
    expect([sheet.A1.f, sheet.A1.F, sheet.A1.v, sheet.A2.v, sheet.A3.v]).toEqual(['_xlfn.SEQUENCE(3)', 'A1:A3', 1, 2, 3]);
    expect([sheet.A2.f, sheet.A3.f]).toEqual([undefined, undefined]);
    expect([sheet.D1.f, sheet.D1.F, sheet.E2.v]).toEqual(['_xlfn.SEQUENCE(2,2,10)', 'D1:E2', 13]);
    // A formula with one value stays a plain formula: no range, no mark.
    expect([sheet.B1.f, sheet.B1.F, sheet.B1.v]).toEqual(['SUM(_xlfn.ANCHORARRAY(A1))', undefined, 6]);
    const zip = XLSX.CFB.read(Buffer.from(bytes), { type: 'buffer' });
    const xml = Buffer.from(XLSX.CFB.find(zip, '/xl/worksheets/sheet1.xml')!.content as Uint8Array).toString('utf8');
    expect(xml).toMatch(/<c cm="1" r="A1"/);
    expect(xml).toMatch(/<c cm="1" r="D1"/);
    expect(xml).not.toMatch(/<c cm="1" r="B1"/);
    expect(xml).not.toMatch(/<c cm="1" r="A2"/);
    expect(XLSX.CFB.find(zip, '/xl/metadata.xml')).toBeTruthy();
  });

  it('reads back in Tickmark spilling the same values', () => {
    const back = readWorkbookXlsx(bytes, 'spill.xlsx').workbook;
    expect(back.sheets[0].cells[0][0]).toBe('=ARRAYFORMULA(SEQUENCE(3))');
    // Worked out by hand: 1,2,3 down A; their sum 6; doubled 2,4,6; 10..13 row by row.
    const expected = [
      [1, 6, 2, 10, 11],
      [2, null, 4, 12, 13],
      [3, null, 6, null, null],
    ];
    expect(values(workbook, 'A1:E3')).toEqual(expected);
    expect(values(back, 'A1:E3')).toEqual(expected);
  });
});
