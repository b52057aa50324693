import { describe, expect, it } from 'vitest';
import { parseOccSymbol } from '../../rules/calendars/occ-symbol.js';
import { evaluateAll } from '../helpers/engine.js';

// Serials worked out by hand: 2026-01-01 is 46023, so 2026-09-18 (day 261) is 46283 and
// 2026-12-18 (day 352) is 46374; 2030-01-18 is 47501 (2030-01-01 = 46023 + 4 × 365 + 1 = 47484).
describe('parseOccSymbol', () => {
  it('reads padded and unpadded symbols', () => {
    expect(parseOccSymbol('AAPL  260918C00150000')).toEqual({ root: 'AAPL', expiry: 46283, type: 'C', strike: 150 });
    expect(parseOccSymbol('AAPL260918C00150000')).toEqual({ root: 'AAPL', expiry: 46283, type: 'C', strike: 150 });
    expect(parseOccSymbol('SPXW  261218P04500500')).toEqual({ root: 'SPXW', expiry: 46374, type: 'P', strike: 4500.5 });
    expect(parseOccSymbol('BRKB  300118C00000500')).toEqual({ root: 'BRKB', expiry: 47501, type: 'C', strike: 0.5 });
    expect(parseOccSymbol('GOOGL1260918P00090000')).toMatchObject({ root: 'GOOGL1', type: 'P', strike: 90 }); // an adjusted root, 6 wide
    expect(parseOccSymbol('X     261126C00010000')).toMatchObject({ root: 'X', strike: 10 });
    expect(parseOccSymbol(' aapl  260918c00150000 ')).toMatchObject({ root: 'AAPL', type: 'C' });
  });

  it('refuses text that is not an OCC symbol', () => {
    for (const text of [
      '',
      'AAPL',
      'AAPL 260918C00150000', // padding that does not make 6
      'AAPL   260918C00150000', // 7 wide
      'TOOLONG260918C00150000', // root of 7
      'AAPL  260918X00150000', // neither C nor P
      'AAPL  260918C0015000', // 7 strike digits
      'AAPL  261318C00150000', // month 13
      'AAPL  260231C00150000', // February 31
      'AAPL  260918C0015000A',
      '  260918C00150000', // no root
    ])
      expect(parseOccSymbol(text), text).toBeNull();
  });
});

describe('OPTROOT, OPTEXPDATE, OPTTYPE, OPTSTRIKE', () => {
  it('split a symbol in a cell', () => {
    const grid = [['AAPL  260918C00150000'], ['SPXW261218P04500500']];
    expect(
      evaluateAll(grid, [
        '=OPTROOT(A1)',
        '=OPTEXPDATE(A1)',
        '=OPTTYPE(A1)',
        '=OPTSTRIKE(A1)',
        '=OPTROOT(A2)',
        '=OPTEXPDATE(A2)',
        '=OPTSTRIKE(A2)',
      ]),
    ).toEqual(['AAPL', 46283, 'C', 150, 'SPXW', 46374, 4500.5]);
    expect(evaluateAll(grid, ['=TEXT(OPTEXPDATE(A1),"yyyy-mm-dd")', '=OPTEXPDATE(A1)=DATE(2026,9,18)'])).toEqual(['2026-09-18', true]);
  });

  it('are #VALUE! for anything else, errors passed on', () => {
    expect(
      evaluateAll([['AAPL 260918C00150000'], [150000]], ['=OPTROOT(A1)', '=OPTTYPE(A2)', '=OPTSTRIKE(A3)', '=OPTEXPDATE(1/0)']),
    ).toEqual(['#VALUE!', '#VALUE!', '#VALUE!', '#DIV/0!']);
  });
});
