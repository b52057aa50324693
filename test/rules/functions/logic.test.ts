import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../helpers/engine.js';

// A1 TRUE, B1 text "1", C1 empty, D1 3, E1 text "x", F1 #DIV/0!
const grid = [[true, '1', null, 3, 'x', '=1/0']];

describe('logical and information functions as Excel has them', () => {
  it('AND, OR and XOR skip text and empty cells but reject typed text, and need something to count', () => {
    expect(
      evaluateAll(grid, [
        '=AND(A1,B1)',
        '=AND(B1,C1)',
        '=OR(B1:C1)',
        '=AND(A1:D1)',
        '=XOR(A1,D1)',
        '=AND("TRUE",1)',
        '=AND("x")',
        '=OR(A1,F1)',
        '=NOT(B1)',
        '=NOT(C1)',
      ]),
    ).toEqual([true, '#VALUE!', '#VALUE!', true, false, true, '#VALUE!', '#DIV/0!', '#VALUE!', true]);
  });

  it('ISODD and ISEVEN truncate, read numeric text and reject TRUE/FALSE', () => {
    expect(evaluateAll(grid, ['=ISODD(-1)', '=ISODD(1.9)', '=ISEVEN(-2.3)', '=ISODD(B1)', '=ISEVEN(A1)', '=ISODD(E1)'])).toEqual([
      true,
      true,
      true,
      true,
      '#VALUE!',
      '#VALUE!',
    ]);
  });

  it('IS functions read a range by implicit intersection; ISREF looks at the reference itself', () => {
    // The formulas sit in row 21: Z1:Z21 crosses it, A1:B2 does not.
    expect(
      evaluateAll(grid, [
        '=ISERROR(A1:B2)',
        '=ISNUMBER(A1:B2)',
        '=ISBLANK(Z1:Z21)',
        '=ISREF(D1)',
        '=ISREF(A1:B2)',
        '=ISREF(3)',
        '=T(A1:B1)',
        '=T(B1)',
      ]),
    ).toEqual([true, false, true, true, true, false, '', '1']);
  });

  it("CELL gives a reference's address, row, column, contents and type", () => {
    expect(
      evaluateAll(grid, [
        '=CELL("address",D1)',
        '=CELL("row",D1)',
        '=CELL("col",D1)',
        '=CELL("contents",D1)',
        '=CELL("type",C1)',
        '=CELL("type",E1)',
        '=CELL("nonsense",D1)',
      ]),
    ).toEqual(['$D$1', 1, 4, 3, 'b', 'l', '#VALUE!']);
  });

  it('empty text is not a number in arithmetic, as in Excel', () => {
    expect(evaluateAll([['']], ['=A1*1', '=ABS(A1)', '=""+1', '=LEN(A1)', '=A1=""'])).toEqual(['#VALUE!', '#VALUE!', '#VALUE!', 0, true]);
  });
});
