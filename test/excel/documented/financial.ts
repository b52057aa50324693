/**
 * Documented examples of Excel's Financial functions, from Microsoft's function reference
 * (support.microsoft.com), each with the result the page gives. The pages put the
 * arguments in a data table; here they are written into the formula (dates as DATE(…)),
 * which is what the page's formula reads.
 */
import type { DocumentedExample } from './example.js';
import { page } from './page.js';

/** The cash flows of the XIRR and XNPV pages: A2:A6 values, B2:B6 dates. */
const XIRR_DATA = {
  A1: 'Values',
  B1: 'Dates',
  A2: -10000,
  B2: '=DATE(2008,1,1)',
  A3: 2750,
  B3: '=DATE(2008,3,1)',
  A4: 4250,
  B4: '=DATE(2008,10,30)',
  A5: 3250,
  B5: '=DATE(2009,2,15)',
  A6: 2750,
  B6: '=DATE(2009,4,1)',
};

/** The MIRR page's data: A2:A7 the loan and incomes, A8 finance rate, A9 reinvestment rate. */
const MIRR_DATA = { A1: 'Data', A2: -120000, A3: 39000, A4: 30000, A5: 21000, A6: 37000, A7: 46000, A8: 0.1, A9: 0.12 };

/** The IRR page's data: A2 the cost, A3:A7 five years of income. */
const IRR_DATA = { A1: 'Data', A2: -70000, A3: 12000, A4: 15000, A5: 18000, A6: 21000, A7: 26000 };

/** [function, formula, the page's result, the decimals the page rounds it to]. */
type Entry = [fn: string, formula: string, expected: number | string, decimals?: number];

const ENTRIES: Entry[] = [
  ['ACCRINT', '=ACCRINT(DATE(2008,3,1),DATE(2008,8,31),DATE(2008,5,1),0.1,1000,2,0)', 16.666667, 6],
  ['ACCRINT', '=ACCRINT(DATE(2008,3,5),DATE(2008,8,31),DATE(2008,5,1),0.1,1000,2,0,FALSE)', 15.555556, 6],
  ['ACCRINT', '=ACCRINT(DATE(2008,4,5),DATE(2008,8,31),DATE(2008,5,1),0.1,1000,2,0,TRUE)', 7.2222222, 7],
  ['ACCRINTM', '=ACCRINTM(DATE(2008,4,1),DATE(2008,6,15),0.1,1000,3)', 20.54794521, 8],
  ['AMORDEGRC', '=AMORDEGRC(2400,DATE(2008,8,19),DATE(2008,12,31),300,1,0.15,1)', 776],
  ['AMORLINC', '=AMORLINC(2400,DATE(2008,8,19),DATE(2008,12,31),300,1,0.15,1)', 360],
  ['COUPDAYBS', '=COUPDAYBS(DATE(2011,1,25),DATE(2011,11,15),2,1)', 71],
  ['COUPDAYS', '=COUPDAYS(DATE(2011,1,25),DATE(2011,11,15),2,1)', 181],
  ['COUPDAYSNC', '=COUPDAYSNC(DATE(2011,1,25),DATE(2011,11,15),2,1)', 110],
  ['COUPNCD', '=COUPNCD(DATE(2011,1,25),DATE(2011,11,15),2,1)', 40678],
  ['COUPNUM', '=COUPNUM(DATE(2007,1,25),DATE(2008,11,15),2,1)', 4],
  ['COUPPCD', '=COUPPCD(DATE(2011,1,25),DATE(2011,11,15),2,1)', 40497],
  ['CUMIPMT', '=CUMIPMT(0.09/12,30*12,125000,13,24,0)', -11135.23213, 5],
  ['CUMIPMT', '=CUMIPMT(0.09/12,30*12,125000,1,1,0)', -937.5, 4],
  ['CUMPRINC', '=CUMPRINC(0.09/12,30*12,125000,13,24,0)', -934.1071234, 7],
  ['CUMPRINC', '=CUMPRINC(0.09/12,30*12,125000,1,1,0)', -68.27827118, 8],
  ['DB', '=DB(1000000,100000,6,1,7)', 186083.33, 2],
  ['DB', '=DB(1000000,100000,6,2,7)', 259639.42, 2],
  ['DB', '=DB(1000000,100000,6,7,7)', 15845.1, 1],
  ['DDB', '=DDB(2400,300,10*365,1)', 1.32, 2],
  ['DDB', '=DDB(2400,300,10*12,1,2)', 40, 2],
  ['DDB', '=DDB(2400,300,10,1,2)', 480, 2],
  ['DDB', '=DDB(2400,300,10,2,1.5)', 306, 2],
  ['DDB', '=DDB(2400,300,10,10)', 22.12, 2],
  ['DISC', '=DISC(DATE(2018,7,1),DATE(2048,1,1),97.975,100,1)', 0.00068, 4],
  ['DOLLARDE', '=DOLLARDE(1.02,16)', 1.125],
  ['DOLLARDE', '=DOLLARDE(1.1,32)', 1.3125],
  ['DOLLARFR', '=DOLLARFR(1.125,16)', 1.02],
  ['DOLLARFR', '=DOLLARFR(1.125,32)', 1.04],
  ['DURATION', '=DURATION(DATE(2018,7,1),DATE(2048,1,1),0.08,0.09,2,1)', 10.9191453, 7],
  ['EFFECT', '=EFFECT(0.0525,4)', 0.05354267, 8],
  ['FV', '=FV(0.06/12,10,-200,-500,1)', 2581.40337406, 8],
  ['FV', '=FV(0.12/12,12,-1000)', 12682.50301, 5],
  ['FV', '=FV(0.11/12,35,-2000,,1)', 82846.25, 2],
  ['FVSCHEDULE', '=FVSCHEDULE(1,{0.09,0.11,0.1})', 1.3308899, 6],
  ['INTRATE', '=INTRATE(DATE(2008,2,15),DATE(2008,5,15),1000000,1014420,2)', 0.05768, 5],
  ['IPMT', '=IPMT(0.1/12,1,3*12,8000)', -66.67, 2],
  ['IPMT', '=IPMT(0.1,3,3,8000)', -292.45, 2],
  ['ISPMT', '=ISPMT(0.1/12,1,3*12,8000000)', -64814.81481, 5],
  ['ISPMT', '=ISPMT(0.1,1,3,8000000)', -533333.3333, 4],
  ['MDURATION', '=MDURATION(DATE(2008,1,1),DATE(2016,1,1),0.08,0.09,2,1)', 5.73567, 5],
  ['NOMINAL', '=NOMINAL(0.053543,4)', 0.05250032, 8],
  ['NPER', '=NPER(0.12/12,-100,-1000,10000,1)', 59.6738657, 7],
  ['NPER', '=NPER(0.12/12,-100,-1000,10000)', 60.0821229, 7],
  ['NPER', '=NPER(0.12/12,-100,-1000)', -9.57859404, 8],
  ['NPV', '=NPV(0.1,-10000,3000,4200,6800)', 1188.44, 2],
  ['ODDFPRICE', '=ODDFPRICE(DATE(2008,11,11),DATE(2021,3,1),DATE(2008,10,15),DATE(2009,3,1),0.0785,0.0625,100,2,1)', 113.597717, 6],
  ['ODDFYIELD', '=ODDFYIELD(DATE(2008,11,11),DATE(2021,3,1),DATE(2008,10,15),DATE(2009,3,1),0.0575,84.5,100,2,0)', 0.0772455, 7],
  ['ODDLPRICE', '=ODDLPRICE(DATE(2008,2,7),DATE(2008,6,15),DATE(2007,10,15),0.0375,0.0405,100,2,0)', 99.878286, 7],
  ['ODDLYIELD', '=ODDLYIELD(DATE(2008,4,20),DATE(2008,6,15),DATE(2007,12,24),0.0375,99.875,100,2,0)', 0.0451922, 7],
  ['PDURATION', '=PDURATION(0.025,2000,2200)', 3.86, 2],
  ['PDURATION', '=PDURATION(0.025/12,1000,1200)', 87.6, 1],
  ['PMT', '=PMT(0.08/12,10,10000)', -1037.03, 2],
  ['PMT', '=PMT(0.08/12,10,10000,0,1)', -1030.16, 2],
  ['PPMT', '=PPMT(0.1/12,1,2*12,2000)', -75.62, 2],
  ['PPMT', '=PPMT(0.08,10,10,200000)', -27598.05, 2],
  ['PRICE', '=PRICE(DATE(2008,2,15),DATE(2017,11,15),0.0575,0.065,100,2,0)', 94.63436, 5],
  ['PRICEDISC', '=PRICEDISC(DATE(2008,2,16),DATE(2008,3,1),0.0525,100,2)', 99.79583, 5],
  ['PRICEMAT', '=PRICEMAT(DATE(2008,2,15),DATE(2008,4,13),DATE(2007,11,11),0.061,0.061,0)', 99.98449888, 8],
  ['PV', '=PV(0.08/12,12*20,500,,0)', -59777.15, 2],
  ['RATE', '=RATE(4*12,-200,8000)', 0.0077, 4],
  ['RATE', '=RATE(4*12,-200,8000)*12', 0.09241767, 8],
  ['RECEIVED', '=RECEIVED(DATE(2008,2,15),DATE(2008,5,15),1000000,0.0575,2)', 1014584.654, 3],
  ['RRI', '=RRI(96,10000,11000)', 0.0009933, 7],
  ['SLN', '=SLN(30000,7500,10)', 2250],
  ['SYD', '=SYD(30000,7500,10,1)', 4090.91, 2],
  ['SYD', '=SYD(30000,7500,10,10)', 409.09, 2],
  ['TBILLEQ', '=TBILLEQ(DATE(2008,3,31),DATE(2008,6,1),0.0914)', 0.094151, 6],
  ['TBILLPRICE', '=TBILLPRICE(DATE(2008,3,31),DATE(2008,6,1),0.09)', 98.45, 2],
  ['TBILLYIELD', '=TBILLYIELD(DATE(2008,3,31),DATE(2008,6,1),98.45)', 0.091417, 6],
  ['VDB', '=VDB(2400,300,10*365,0,1)', 1.32, 2],
  ['VDB', '=VDB(2400,300,10*12,0,1)', 40, 2],
  ['VDB', '=VDB(2400,300,10,0,1)', 480, 2],
  ['VDB', '=VDB(2400,300,10*12,6,18)', 396.31, 2],
  ['VDB', '=VDB(2400,300,10,0,0.875,1.5)', 315, 2],
  ['YIELD', '=YIELD(DATE(2008,2,15),DATE(2016,11,15),0.0575,95.04287,100,2,0)', 0.065, 6],
  ['YIELDDISC', '=YIELDDISC(DATE(2008,2,16),DATE(2008,3,1),99.795,100,2)', 0.052823, 6],
  ['YIELDMAT', '=YIELDMAT(DATE(2008,3,15),DATE(2008,11,3),DATE(2007,11,8),0.0625,100.0123,0)', 0.060954, 6],
];

export const examples: DocumentedExample[] = [
  ...ENTRIES.map(([fn, formula, expected, decimals]): DocumentedExample => ({
    fn,
    source: page(fn),
    formula,
    expected,
    ...(decimals === undefined ? {} : { decimals }),
  })),
  { fn: 'IRR', source: page('IRR'), data: IRR_DATA, formula: '=IRR(A2:A6)', cell: 'C1', expected: -0.021, decimals: 3 },
  { fn: 'IRR', source: page('IRR'), data: IRR_DATA, formula: '=IRR(A2:A7)', cell: 'C2', expected: 0.087, decimals: 3 },
  { fn: 'IRR', source: page('IRR'), data: IRR_DATA, formula: '=IRR(A2:A4,-10%)', cell: 'C3', expected: -0.444, decimals: 3 },
  { fn: 'MIRR', source: page('MIRR'), data: MIRR_DATA, formula: '=MIRR(A2:A7,A8,A9)', cell: 'C1', expected: 0.126, decimals: 3 },
  { fn: 'MIRR', source: page('MIRR'), data: MIRR_DATA, formula: '=MIRR(A2:A5,A8,A9)', cell: 'C2', expected: -0.048, decimals: 3 },
  { fn: 'MIRR', source: page('MIRR'), data: MIRR_DATA, formula: '=MIRR(A2:A7,A8,14%)', cell: 'C3', expected: 0.135, decimals: 3 },
  {
    fn: 'XIRR',
    source: page('XIRR'),
    data: XIRR_DATA,
    formula: '=XIRR(A2:A6,B2:B6)',
    cell: 'C1',
    expected: 0.373362535,
    decimals: 8,
    note: 'The page shows 0.373362535; the exact root of these flows is 0.3733625335, so Excel stops its iteration 1.5e-9 short: compared at 8 decimals',
  },
  { fn: 'XNPV', source: page('XNPV'), data: XIRR_DATA, formula: '=XNPV(0.09,A2:A6,B2:B6)', cell: 'C1', expected: 2086.65, decimals: 2 },
];

export const notImplemented: Record<string, string> = {
  STOCKHISTORY: 'needs a market-data service (Microsoft\u2019s stock quotes); Tickmark runs offline',
};
