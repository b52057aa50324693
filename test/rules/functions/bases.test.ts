import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../helpers/engine.js';

describe('number-base conversions', () => {
  it("match Excel's documented examples", () => {
    expect(
      evaluateAll(
        [],
        [
          '=DEC2BIN(9,4)',
          '=DEC2BIN(-100)',
          '=DEC2HEX(100,4)',
          '=DEC2HEX(-54)',
          '=DEC2OCT(-100)',
          '=HEX2DEC("A5")',
          '=HEX2DEC("FFFFFFFF5B")',
          '=BIN2DEC(1100100)',
          '=BIN2DEC("1111111111")',
          '=OCT2HEX(100,4)',
          '=HEX2BIN("F",8)',
        ],
      ),
    ).toEqual(['1001', '1110011100', '0064', 'FFFFFFFFCA', '7777777634', 165, -165, 100, -1, '0040', '00001111']);
  });

  it('read an empty cell as 0 and lowercase digits, and check places before the number', () => {
    expect(
      evaluateAll(
        [[null, 'a2', 'E', '']],
        [
          '=HEX2DEC(A1)',
          '=HEX2BIN(A1)',
          '=HEX2DEC(B1)',
          '=DEC2BIN(C1,0)',
          '=DEC2BIN(C1,11)',
          '=DEC2BIN(C1,2)',
          '=DEC2BIN(D1)',
          '=BIN2DEC("102")',
          '=DEC2BIN(512)',
          '=DEC2BIN(5,2)',
        ],
      ),
    ).toEqual([0, '0', 162, '#NUM!', '#NUM!', '#VALUE!', '#VALUE!', '#NUM!', '#NUM!', '#NUM!']);
  });
});
