import { describe, expect, it } from 'vitest';
import { evaluateAll, evaluateArray } from '../../helpers/engine.js';

const scores = [[50], [60], [60], [70], ['n/a'], [true], [90]];

describe('RANK.EQ, RANK.AVG and PERCENTRANK', () => {
  it('ranks among the numbers only, ties sharing the best rank or their average', () => {
    // Numbers 50, 60, 60, 70, 90: descending ranks 5, 3.5 (3 and 4), 2, 1.
    expect(
      evaluateAll(scores, [
        '=RANK.EQ(60,A1:A7)',
        '=RANK.AVG(60,A1:A7)',
        '=RANK.EQ(60,A1:A7,1)',
        '=RANK.AVG(60,A1:A7,1)',
        '=RANK.EQ(90,A1:A7)',
        '=RANK(50,A1:A7)',
        '=RANK.EQ(65,A1:A7)',
      ]),
    ).toEqual([3, 3.5, 2, 2.5, 1, 5, '#N/A']);
  });

  it('interpolates percent ranks between values and cuts them to the significance', () => {
    // INC: 60 has 1 value below of n-1 = 4 -> 0.25; 65 lies halfway from 60 (0.25) to 70 (0.75) -> 0.5.
    // EXC: (below + 1)/(n + 1): 60 -> 2/6 = 0.333…, cut to 0.33 with significance 2.
    expect(
      evaluateAll(scores, [
        '=PERCENTRANK.INC(A1:A7,60)',
        '=PERCENTRANK.INC(A1:A7,65)',
        '=PERCENTRANK.INC(A1:A7,90)',
        '=PERCENTRANK.EXC(A1:A7,60,2)',
        '=PERCENTRANK(A1:A7,50)',
        '=PERCENTRANK.INC(A1:A7,100)',
        '=PERCENTRANK.INC(A1:A7,60,0)',
      ]),
    ).toEqual([0.25, 0.5, 1, 0.33, 0, '#N/A', '#NUM!']);
  });
});

describe('KURT, TRIMMEAN, PROB, BINOM.DIST.RANGE, PERMUT, PERMUTATIONA', () => {
  it('computes KURT from its definition and needs four numbers that vary', () => {
    // 1, 2, 3, 4: mean 2.5, s² = 5/3; Σz⁴ = (2·1.5⁴ + 2·0.5⁴)/s⁴ = 10.25/(25/9) = 3.69;
    // n(n+1)/((n-1)(n-2)(n-3)) = 20/6, minus 3·9/2 = 13.5: 12.3 - 13.5 = -1.2.
    expect(evaluateAll([[1], [2], [3], [4]], ['=KURT(A1:A4)', '=KURT(1,2,3)', '=KURT(5,5,5,5)'])[0]).toBeCloseTo(-1.2, 12);
    expect(evaluateAll([[1], [2], [3], [4]], ['=KURT(1,2,3)', '=KURT(5,5,5,5)'])).toEqual(['#DIV/0!', '#DIV/0!']);
  });

  it('trims an even count of values, half from each end', () => {
    // Ten values, 25%: 2.5 rounds down to 2, one from each end: mean of 2…9 = 5.5.
    const ten = Array.from({ length: 10 }, (_, i) => [i + 1]);
    expect(evaluateAll(ten, ['=TRIMMEAN(A1:A10,0.25)', '=TRIMMEAN(A1:A10,0)', '=TRIMMEAN(A1:A10,1)', '=TRIMMEAN(A1:A10,-0.1)'])).toEqual([
      5.5,
      5.5,
      '#NUM!',
      '#NUM!',
    ]);
  });

  it('sums the probabilities in the limits and checks the probabilities', () => {
    const table = [
      [1, 0.5],
      [2, 0.25],
      [3, 0.25],
      [4, 0.5],
      [5, 0],
    ];
    expect(
      evaluateAll(table, [
        '=PROB(A1:A3,B1:B3,2,3)',
        '=PROB(A1:A3,B1:B3,3)',
        '=PROB(A1:A4,B1:B4,1)',
        '=PROB(A1:A3,B1:B2,1)',
        '=PROB(A4:A5,B4:B5,4)',
      ]),
    ).toEqual([0.5, 0.25, '#NUM!', '#N/A', '#NUM!']);
  });

  it('adds binomial probabilities over a range of successes', () => {
    // Four fair trials: C(4,1) + C(4,2) = 4 + 6 of 16 outcomes.
    expect(
      evaluateAll(
        [],
        [
          '=BINOM.DIST.RANGE(4,0.5,1,2)',
          '=BINOM.DIST.RANGE(4,0.5,0,4)',
          '=BINOM.DIST.RANGE(4,0.5,3)',
          '=BINOM.DIST.RANGE(4,0.5,3,2)',
          '=BINOM.DIST.RANGE(4,1.5,1)',
        ],
      ),
    ).toEqual([0.625, 1, 0.25, '#NUM!', '#NUM!']);
  });

  it('counts arrangements, truncating the arguments', () => {
    expect(
      evaluateAll([], ['=PERMUT(5,2)', '=PERMUT(5.9,2.9)', '=PERMUT(2,3)', '=PERMUT(0,0)', '=PERMUTATIONA(5,0)', '=PERMUTATIONA(-1,2)']),
    ).toEqual([20, 20, '#NUM!', '#NUM!', 1, '#NUM!']);
  });
});

describe('FREQUENCY and MODE.MULT', () => {
  it('counts into bins in their own order, skipping text, with one count above the highest bin', () => {
    const grid = [[1, 5], [5, 2], [6, 'bin'], ['x', 9], [2], [10]];
    // Bins 5, 2, 9 (text skipped): <=2: 1, 2 -> 2; (2,5]: 5 -> 1; (5,9]: 6 -> 1; above: 10.
    expect(evaluateArray(grid, '=ARRAYFORMULA(FREQUENCY(A1:A6,B1:B4))', 5, 1)).toEqual([[1], [2], [1], [1], ['#N/A']]);
  });

  it('lists every most frequent number in the order they first appear', () => {
    const grid = [[3], [1], [3], [1], [2]];
    expect(evaluateArray(grid, '=ARRAYFORMULA(MODE.MULT(A1:A5))', 2, 1)).toEqual([[3], [1]]);
    expect(evaluateAll([[1], [2]], ['=MODE.MULT(A1:A2)'])).toEqual(['#N/A']);
  });
});

describe('LOGEST and GROWTH', () => {
  // y = 3 · 2^x exactly.
  const curve = [1, 2, 3, 4, 5].map((x) => [x, 3 * 2 ** x]);

  it('recovers m and b of an exact exponential curve', () => {
    const [[m, b]] = evaluateArray(curve, '=ARRAYFORMULA(LOGEST(B1:B5,A1:A5))', 1, 2) as number[][];
    expect(m).toBeCloseTo(2, 12);
    expect(b).toBeCloseTo(3, 12);
    const [[y6], [y7]] = evaluateArray([...curve, [6], [7]], '=ARRAYFORMULA(GROWTH(B1:B5,A1:A5,A6:A7))', 2, 1) as number[][];
    expect(y6).toBeCloseTo(192, 9);
    expect(y7).toBeCloseTo(384, 9);
  });

  it('refuses a y at or below 0 with #NUM!', () => {
    const grid = [
      [1, 2],
      [2, 0],
      [3, 8],
    ];
    // `@`: one value in the cell; a plain LOGEST spills (Excel 365) and its range would cross the next formula.
    expect(evaluateAll(grid, ['=@LOGEST(B1:B3,A1:A3)', '=GROWTH(B1:B3,A1:A3)'])).toEqual(['#NUM!', '#NUM!']);
  });
});

describe('distributions computed to full precision', () => {
  it('matches closed forms of the chi-square (df 2), Cauchy (t with df 1) and beta(2,2) distributions', () => {
    const values = evaluateAll(
      [],
      [
        '=CHISQ.INV(0.5,2)',
        '=CHISQ.INV.RT(0.5,2)',
        '=T.INV(0.75,1)',
        '=T.INV(0.25,1)',
        '=T.INV.2T(0.5,1)',
        '=CONFIDENCE.T(0.5,1,2)',
        '=BETA.DIST(0.5,2,2,FALSE)',
        '=BETA.DIST(1,2,2,FALSE,0,2)',
        '=BETA.DIST(0.5,2,2,TRUE)',
      ],
    ) as number[];
    // Chi-square with 2 df is exponential with mean 2: median 2 ln 2. Cauchy: quantile tan(π(p - 1/2)).
    // Beta(2,2) density 6x(1-x): 1.5 at the middle; over [0, 2] it is halved.
    const exact = [2 * Math.log(2), 2 * Math.log(2), 1, -1, 1, 1 / Math.sqrt(2), 1.5, 0.75, 0.5];
    exact.forEach((v, i) => expect(values[i]).toBeCloseTo(v, 13));
  });

  it('checks the arguments', () => {
    expect(
      evaluateAll(
        [],
        [
          '=CHISQ.INV(1.5,2)',
          '=CHISQ.INV(0.5,0)',
          '=T.INV(0,5)',
          '=T.INV.2T(1.5,5)',
          '=CONFIDENCE.T(0.05,1,1)',
          '=BETA.DIST(4,2,2,TRUE,0,3)',
        ],
      ),
    ).toEqual(['#NUM!', '#NUM!', '#NUM!', '#NUM!', '#DIV/0!', '#NUM!']);
  });
});
