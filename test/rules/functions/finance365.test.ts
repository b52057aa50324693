/**
 * Excel 365's securities functions (rules/functions/finance/): the coupon schedule, day-count
 * bases, argument checks and the identities that tie the functions together. Golden values
 * are reasoned by hand from Microsoft's formulas, or are another function's documented result.
 */
import { describe, expect, it } from 'vitest';
import { evaluateAll, evaluateOne } from '../../helpers/engine.js';

const num = (formula: string) => evaluateOne([], formula) as number;

describe('the COUP* functions', () => {
  it('keep coupons on the last day of the month when maturity falls on one', () => {
    // Maturity 2011-08-31 semiannual: coupons fall on 2011-02-28 and 2011-08-31.
    const [pcd, ncd, count, period, accrued, left] = evaluateAll(
      [],
      ['PCD', 'NCD', 'NUM', 'DAYS', 'DAYBS', 'DAYSNC'].map((f) => `=COUP${f}(DATE(2011,3,15),DATE(2011,8,31),2,1)`),
    );
    expect(pcd).toBe(num('=DATE(2011,2,28)'));
    expect(ncd).toBe(num('=DATE(2011,8,31)'));
    expect(count).toBe(1);
    expect(period).toBe(184);
    expect(accrued).toBe(15);
    expect(left).toBe(169);
  });

  it('count days by basis: 30/360 periods of 180 days, actual/365 quarters of 91.25', () => {
    expect(num('=COUPDAYS(DATE(2011,1,25),DATE(2011,11,15),2,0)')).toBe(180);
    expect(num('=COUPDAYBS(DATE(2011,1,25),DATE(2011,11,15),2,0)')).toBe(70); // 15 Nov to 25 Jan in 30/360
    expect(num('=COUPDAYSNC(DATE(2011,1,25),DATE(2011,11,15),2,0)')).toBe(110);
    expect(num('=COUPDAYS(DATE(2011,1,25),DATE(2011,11,15),4,3)')).toBe(91.25);
    expect(num('=COUPNUM(DATE(2011,1,25),DATE(2011,11,15),4)')).toBe(4);
  });

  it('truncate dates, frequency and basis, and reject what Excel rejects', () => {
    expect(num('=COUPNUM(DATE(2007,1,25)+0.9,DATE(2008,11,15),2.7,1.2)')).toBe(4);
    expect(
      evaluateAll(
        [],
        [
          '=COUPNUM(DATE(2007,1,25),DATE(2008,11,15),3)',
          '=COUPNUM(DATE(2007,1,25),DATE(2008,11,15),2,5)',
          '=COUPNUM(DATE(2008,11,15),DATE(2008,11,15),2)',
          '=COUPNUM("soon",DATE(2008,11,15),2)',
          '=COUPNUM(DATE(2007,1,25),"2008-11-15",2)',
        ],
      ),
    ).toEqual(['#NUM!', '#NUM!', '#NUM!', '#VALUE!', 4]);
  });
});

describe('PRICE, YIELD, DURATION and MDURATION', () => {
  it('price a bond yielding its coupon rate on a coupon date at par', () => {
    expect(num('=PRICE(DATE(2010,1,15),DATE(2020,1,15),0.05,0.05,100,2,0)')).toBeCloseTo(100, 10);
  });

  it('invert each other, with many coupons left and with one', () => {
    const [many, one] = evaluateAll(
      [],
      [
        '=YIELD(DATE(2012,3,1),DATE(2030,6,30),0.04,PRICE(DATE(2012,3,1),DATE(2030,6,30),0.04,0.0731,105,4,1),105,4,1)',
        '=YIELD(DATE(2012,3,1),DATE(2012,6,30),0.04,PRICE(DATE(2012,3,1),DATE(2012,6,30),0.04,0.0731,100,2,3),100,2,3)',
      ],
    );
    expect(many).toBeCloseTo(0.0731, 12);
    expect(one).toBeCloseTo(0.0731, 12);
  });

  it('give a zero-coupon bond its term as duration', () => {
    expect(num('=DURATION(DATE(2010,1,1),DATE(2015,1,1),0,0.05,1,0)')).toBeCloseTo(5, 12);
    expect(num('=MDURATION(DATE(2010,1,1),DATE(2015,1,1),0,0.05,1,0)')).toBeCloseTo(5 / 1.05, 12);
  });

  it('return #NUM! for negative rates or yields and a price of zero', () => {
    expect(
      evaluateAll(
        [],
        [
          '=PRICE(DATE(2010,1,15),DATE(2020,1,15),-0.05,0.05,100,2)',
          '=PRICE(DATE(2010,1,15),DATE(2020,1,15),0.05,-0.05,100,2)',
          '=YIELD(DATE(2010,1,15),DATE(2020,1,15),0.05,0,100,2)',
          '=DURATION(DATE(2010,1,15),DATE(2020,1,15),0.05,-0.01,2)',
        ],
      ),
    ).toEqual(['#NUM!', '#NUM!', '#NUM!', '#NUM!']);
  });
});

describe('ACCRINT and ACCRINTM', () => {
  it('accrue over several coupon periods by the basis', () => {
    // Actual/360: 366 days of 2008 at 6% on 1000 = 61; from first interest (1 July) 184 days.
    expect(num('=ACCRINT(DATE(2008,1,1),DATE(2008,7,1),DATE(2009,1,1),0.06,1000,2,2)')).toBeCloseTo(61, 10);
    expect(num('=ACCRINT(DATE(2008,1,1),DATE(2008,7,1),DATE(2009,1,1),0.06,1000,2,2,FALSE)')).toBeCloseTo((60 * 184) / 360, 10);
    // ACCRINTM without par uses 1000: a whole 30/360 year at 6%.
    expect(num('=ACCRINTM(DATE(2008,1,1),DATE(2009,1,1),0.06)')).toBeCloseTo(60, 10);
  });

  it('return #NUM! when issue is not before settlement or the rate is not positive', () => {
    expect(
      evaluateAll(
        [],
        [
          '=ACCRINT(DATE(2009,1,1),DATE(2009,7,1),DATE(2009,1,1),0.06,1000,2)',
          '=ACCRINT(DATE(2008,1,1),DATE(2008,7,1),DATE(2009,1,1),0,1000,2)',
          '=ACCRINTM(DATE(2009,1,1),DATE(2008,1,1),0.06,1000)',
          '=ACCRINTM(DATE(2008,1,1),DATE(2009,1,1),0.06,-1)',
        ],
      ),
    ).toEqual(['#NUM!', '#NUM!', '#NUM!', '#NUM!']);
  });
});

describe('the discounted and at-maturity securities', () => {
  it('follow their formulas on actual/360', () => {
    // 182 days from 2020-01-01 to 2020-07-01.
    expect(num('=DISC(DATE(2020,1,1),DATE(2020,7,1),98,100,2)')).toBeCloseTo((0.02 * 360) / 182, 12);
    expect(num('=YIELDDISC(DATE(2020,1,1),DATE(2020,7,1),98,100,2)')).toBeCloseTo((2 / 98) * (360 / 182), 12);
    expect(num('=PRICEDISC(DATE(2020,1,1),DATE(2020,7,1),DISC(DATE(2020,1,1),DATE(2020,7,1),98,100,2),100,2)')).toBeCloseTo(98, 10);
    expect(num('=RECEIVED(DATE(2020,1,1),DATE(2020,7,1),98,0.02,2)')).toBeCloseTo(98 / (1 - (0.02 * 182) / 360), 10);
    expect(
      num(
        '=YIELDMAT(DATE(2020,1,1),DATE(2021,1,1),DATE(2019,1,1),0.05,PRICEMAT(DATE(2020,1,1),DATE(2021,1,1),DATE(2019,1,1),0.05,0.07,0),0)',
      ),
    ).toBeCloseTo(0.07, 12);
  });

  it('return #NUM! for a discount that takes the whole redemption, and for issue after settlement', () => {
    expect(
      evaluateAll(
        [],
        [
          '=RECEIVED(DATE(2020,1,1),DATE(2030,1,1),98,0.2,2)',
          '=PRICEMAT(DATE(2020,1,1),DATE(2021,1,1),DATE(2020,6,1),0.05,0.07)',
          '=DISC(DATE(2020,1,1),DATE(2020,7,1),98,100,-1)',
        ],
      ),
    ).toEqual(['#NUM!', '#NUM!', '#NUM!']);
  });
});

describe('the odd-period bonds', () => {
  it('price a regular first or last period as PRICE does', () => {
    const [oddFirst, price, oddLast, lastPrice] = evaluateAll(
      [],
      [
        '=ODDFPRICE(DATE(2008,2,15),DATE(2017,11,15),DATE(2007,11,15),DATE(2008,5,15),0.0575,0.065,100,2,0)',
        '=PRICE(DATE(2008,2,15),DATE(2017,11,15),0.0575,0.065,100,2,0)',
        '=ODDLPRICE(DATE(2008,2,15),DATE(2008,5,15),DATE(2007,11,15),0.0575,0.065,100,2,0)',
        '=PRICE(DATE(2008,2,15),DATE(2008,5,15),0.0575,0.065,100,2,0)',
      ],
    ) as number[];
    expect(oddFirst).toBeCloseTo(price, 9);
    expect(oddLast).toBeCloseTo(lastPrice, 9);
  });

  it('find the yield that gives the price, for a long first period too', () => {
    const [first, last] = evaluateAll(
      [],
      [
        '=ODDFYIELD(DATE(2008,11,11),DATE(2021,3,1),DATE(2008,1,15),DATE(2009,3,1),0.0785,ODDFPRICE(DATE(2008,11,11),DATE(2021,3,1),DATE(2008,1,15),DATE(2009,3,1),0.0785,0.0625,100,2,1),100,2,1)',
        '=ODDLYIELD(DATE(2008,2,7),DATE(2008,6,15),DATE(2007,10,15),0.0375,ODDLPRICE(DATE(2008,2,7),DATE(2008,6,15),DATE(2007,10,15),0.0375,0.0405,100,2,0),100,2,0)',
      ],
    );
    expect(first).toBeCloseTo(0.0625, 12);
    expect(last).toBeCloseTo(0.0405, 12);
  });

  it('return #NUM! when the dates are out of order', () => {
    expect(
      evaluateAll(
        [],
        [
          '=ODDFPRICE(DATE(2008,11,11),DATE(2021,3,1),DATE(2008,12,15),DATE(2009,3,1),0.0785,0.0625,100,2)',
          '=ODDFPRICE(DATE(2008,11,11),DATE(2009,1,1),DATE(2008,10,15),DATE(2009,3,1),0.0785,0.0625,100,2)',
          '=ODDLPRICE(DATE(2008,2,7),DATE(2008,6,15),DATE(2008,3,15),0.0375,0.0405,100,2)',
        ],
      ),
    ).toEqual(['#NUM!', '#NUM!', '#NUM!']);
  });
});

describe('AMORLINC and AMORDEGRC', () => {
  it('depreciate the first period pro rata and put the remainder in the last', () => {
    // 134/366 of a year at 15% of 2400 first, then 360 a year for 5 years, then what is left above salvage.
    const first = (134 / 366) * 0.15 * 2400;
    const values = evaluateAll(
      [],
      [0, 5, 6, 7].map((p) => `=AMORLINC(2400,DATE(2008,8,19),DATE(2008,12,31),300,${p},0.15,1)`),
    ) as number[];
    expect(values[0]).toBeCloseTo(first, 9);
    expect(values[1]).toBeCloseTo(360, 9);
    expect(values[2]).toBeCloseTo(2100 - 5 * 360 - first, 9);
    expect(values[3]).toBe(0);
  });

  it('AMORDEGRC rejects an asset life between 4 and 5 years', () => {
    expect(evaluateOne([], '=AMORDEGRC(2400,DATE(2008,8,19),DATE(2008,12,31),300,1,0.22,1)')).toBe('#NUM!');
    // Life 1/0.15 = 6.67 years: coefficient 2.5; period 0 is the rounded first part, 330.
    expect(num('=AMORDEGRC(2400,DATE(2008,8,19),DATE(2008,12,31),300,0,0.15,1)')).toBe(330);
  });
});

describe('XNPV and XIRR', () => {
  const flows = [
    [-10000, '=DATE(2008,1,1)'],
    [2750, '=DATE(2008,3,1)'],
    [4250, '=DATE(2008,10,30)'],
    [3250, '=DATE(2009,2,15)'],
    [2750, '=DATE(2009,4,1)'],
  ];

  it('XNPV reads date cells and checks its ranges', () => {
    expect(evaluateAll(flows, ['=XNPV(0.09,A1:A5,B1:B5)'])[0]).toBeCloseTo(2086.6476, 4);
    const values = evaluateAll(
      [...flows, ['x', '=DATE(2007,1,1)']],
      ['=XNPV(0.09,A1:A5,B1:B4)', '=XNPV(0.09,A1:A6,B1:B6)', '=XNPV(0.09,A2:A6,B2:B6)', '=XNPV(-1,A1:A5,B1:B5)'],
    );
    expect(values).toEqual(['#NUM!', '#VALUE!', '#VALUE!', '#NUM!']);
    expect(evaluateAll([...flows, [5, '=DATE(2007,1,1)']], ['=XNPV(0.09,A1:A6,B1:B6)'])).toEqual(['#NUM!']);
  });

  it('XIRR solves clustered flows, takes a guess and gives #NUM! without a sign change', () => {
    // Three flows on one day, a small one long after: XNPV at the XIRR is zero.
    const grid = [
      [-1000, '=DATE(2020,1,1)'],
      [600, '=DATE(2020,1,31)'],
      [600, '=DATE(2020,1,31)'],
      [-50, '=DATE(2020,1,31)'],
      [10, '=DATE(2021,6,1)'],
    ];
    const [rate, npv, guessed, two, noSign] = evaluateAll(grid, [
      '=XIRR(A1:A5,B1:B5)',
      '=XNPV(XIRR(A1:A5,B1:B5),A1:A5,B1:B5)',
      '=XIRR(A1:A5,B1:B5,0.9)',
      '=XIRR(A1:A2,B1:B2)',
      '=XIRR({-100,-5},{43831,43900})',
    ]) as number[];
    expect(Math.abs(npv)).toBeLessThan(1e-6);
    expect(guessed).toBeCloseTo(rate, 9);
    expect(two).toBeCloseTo(0.6 ** (365 / 30) - 1, 12);
    expect(noSign).toBe('#NUM!');
  });
});
