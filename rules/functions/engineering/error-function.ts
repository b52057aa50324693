/**
 * The error function to full double precision, for `ERF.PRECISE` and `ERFC.PRECISE`:
 * its Maclaurin series near zero and, beyond, the continued fraction of erfc (which keeps
 * the small tail values exact instead of subtracting from 1).
 */

const TWO_OVER_ROOT_PI = 2 / Math.sqrt(Math.PI);

export function erf(x: number): number {
  if (Math.abs(x) < 2) return series(x);
  return x > 0 ? 1 - erfcTail(x) : erfcTail(-x) - 1;
}

export function erfc(x: number): number {
  if (Math.abs(x) < 2) return 1 - series(x);
  return x > 0 ? erfcTail(x) : 2 - erfcTail(-x);
}

/** erf(x) = 2/√π Σ (-1)^n x^(2n+1) / (n! (2n+1)). */
function series(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (-x * x) / n;
    const next = term / (2 * n + 1);
    sum += next;
    if (Math.abs(next) < 1e-17 * Math.abs(sum)) break;
  }
  return TWO_OVER_ROOT_PI * sum;
}

/** erfc(x) for x ≥ 2 by Lentz's evaluation of erfc(x) = e^(-x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))). */
function erfcTail(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? tiny : 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}
