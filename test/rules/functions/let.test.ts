import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { excelFormula, withoutPrefixes } from '../../../rules/formula-text.js';
import { unsupportedFormulas } from '../../../rules/xlsx/import-issues.js';
import { readWorkbookXlsx } from '../../../rules/xlsx/read-workbook.js';
import { writeWorkbookXlsx } from '../../../rules/xlsx/write-workbook.js';
import { evaluateAll } from '../../helpers/engine.js';

describe('LET', () => {
  it("binds names as Excel's documented examples do", () => {
    // Excel's help: LET(x, 5, SUM(x, 1)) is 6.
    expect(
      evaluateAll(
        [[2, 3]],
        ['=LET(x,5,SUM(x,1))', '=LET(total,A1*3,total+1)', '=LET(x,2,y,x*10,x+y)', '=LET(r,A1:B1,SUM(r))', '=LET(Rate,0.1,RATE*100)'],
      ),
    ).toEqual([6, 7, 22, 5, 10]);
  });

  it('lets an inner LET shadow a name, and reports misuse', () => {
    expect(evaluateAll([], ['=LET(x,1,LET(x,5,x)+x)', '=LET(x,1/0,1)', '=LET(x,1/0,x)', '=LET(1,2,3)', '=LET(x,1)'])).toEqual([
      6,
      1,
      '#DIV/0!',
      '#VALUE!',
      '#N/A',
    ]);
  });

  it('travels to and from .xlsx with the _xlfn. and _xlpm. prefixes Excel writes', () => {
    const formula = '=LET(total,A1*3,total+1)';
    expect(excelFormula(formula)).toBe('=_xlfn.LET(_xlpm.total,A1*3,_xlpm.total+1)');
    expect(withoutPrefixes(excelFormula(formula))).toBe(formula);
    const bytes = writeWorkbookXlsx({ sheets: [{ name: 'S', cells: [[2, formula]] }], names: [] });
    const raw = XLSX.read(bytes, { cellFormula: true, xlfn: true });
    expect(raw.Sheets.S.B1.f).toBe('_xlfn.LET(_xlpm.total,A1*3,_xlpm.total+1)');
    expect(raw.Sheets.S.B1.v).toBe(7);
    const back = readWorkbookXlsx(bytes, 'let.xlsx');
    expect(back.workbook.sheets[0].cells[0][1]).toBe(formula);
    expect(unsupportedFormulas(back.workbook)).toEqual([]);
  });
});
