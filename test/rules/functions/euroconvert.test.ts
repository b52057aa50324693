import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../helpers/engine.js';

// Golden values worked by hand from the EU's fixed rates on Microsoft's EUROCONVERT page
// (units per euro) and its rounding table (calculation precision of the target currency).
describe('EUROCONVERT as Microsoft documents it', () => {
  it('converts to and from the euro, rounded to the target currency unless full_precision', () => {
    expect(
      evaluateAll(
        [[1]],
        [
          '=EUROCONVERT(1.20,"DEM","EUR")', // 1.2 / 1.95583 = 0.61355…
          '=EUROCONVERT(1,"EUR","ITL")', // 1936.27 → lire have 0 places
          '=EUROCONVERT(1,"EUR","ITL",TRUE)',
          '=EUROCONVERT(100,"BEF","EUR")', // 100 / 40.3399 = 2.47893…
          '=EUROCONVERT(100,"EUR","GRD")', // 34075
          '=EUROCONVERT(-1.2,"DEM","EUR")', // rounding is symmetric about zero
          '=EUROCONVERT(1,"EUR","SIT")',
        ],
      ),
    ).toEqual([0.61, 1936, 1936.27, 2.48, 34075, -0.61, 239.64]);
  });

  it('triangulates between two member currencies, rounding the euro amount only when asked', () => {
    const [full3, rounded3, full, five] = evaluateAll(
      [[1]],
      [
        '=EUROCONVERT(1,"FRF","DEM",TRUE,3)', // 1/6.55957 = 0.152449… → 0.152 × 1.95583
        '=EUROCONVERT(1,"FRF","DEM",FALSE,3)', // 0.29728616 → 0.30 marks
        '=EUROCONVERT(1,"FRF","DEM",TRUE)', // 1.95583 / 6.55957
        '=EUROCONVERT(1,"FRF","DEM",TRUE,5)', // 0.15245 × 1.95583
      ],
    );
    expect(full3).toBeCloseTo(0.29728616, 12);
    expect(rounded3).toBe(0.3);
    expect(full).toBeCloseTo(1.95583 / 6.55957, 12);
    expect(five).toBeCloseTo(0.15245 * 1.95583, 12);
  });

  it('returns the number unchanged for the same code (any case); refuses unknown codes and a precision under 3', () => {
    expect(
      evaluateAll(
        [[1]],
        [
          '=EUROCONVERT(5.555,"dem","DEM")',
          '=EUROCONVERT(1,"USD","EUR")',
          '=EUROCONVERT(1,"EUR","GBP")',
          '=EUROCONVERT(1,"FRF","DEM",TRUE,2)',
          '=EUROCONVERT("x","FRF","DEM")',
          '=EUROCONVERT(1/0,"FRF","DEM")',
        ],
      ),
    ).toEqual([5.555, '#VALUE!', '#VALUE!', '#VALUE!', '#VALUE!', '#DIV/0!']);
  });
});
