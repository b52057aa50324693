import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../helpers/engine.js';

// Golden values from the distributions' definitions: the standard normal at 0 is 0.5, ln 1 = 0,
// Beta(1,1) is uniform, HYPGEOMDIST(1,4,8,20) = C(8,1)·C(12,3)/C(20,4) = 1760/4845, and the
// negative binomial with no failures before the first success at p = 0.5 is 0.5.
describe('the pre-2010 statistical names take their own arguments', () => {
  it('NORMSDIST, LOGNORMDIST and BETADIST are cumulative; HYPGEOMDIST and NEGBINOMDIST are densities', () => {
    const values = evaluateAll(
      [],
      [
        '=NORMSDIST(0)',
        '=LOGNORMDIST(1,0,1)',
        '=BETADIST(0.5,1,1)',
        '=BETADIST(2,1,1,1,3)',
        '=HYPGEOMDIST(1,4,8,20)',
        '=NEGBINOMDIST(0,1,0.5)',
      ],
    );
    const expected = [0.5, 0.5, 0.5, 0.5, 1760 / 4845, 0.5];
    expected.forEach((value, i) => expect(values[i]).toBeCloseTo(value, 12));
  });

  it("refuses the new functions' extra arguments, and passes errors on", () => {
    expect(evaluateAll([], ['=HYPGEOMDIST(1,4,8,20,TRUE)', '=NORMSDIST(1,TRUE)', '=NORMSDIST(NA())', '=BETADIST(2,1,1,3,1)'])).toEqual([
      '#N/A',
      '#N/A',
      '#N/A',
      '#NUM!',
    ]);
  });
});
