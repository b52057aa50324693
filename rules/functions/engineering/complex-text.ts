/**
 * HyperFormula's complex-number functions with Excel's text for the result. HyperFormula
 * writes each part with JavaScript's shortest round-trip digits (up to 17 significant:
 * `0.8337300251311491-0.9888977057628651i`), Excel with 15 significant digits, as it shows
 * any number (`0.833730025131149-0.988897705762865i`): the same value, but text compares
 * exactly. This plugin reuses HyperFormula's implementation of each function returning a
 * complex number and rewrites the text (IMTAN, IMCOT and IMSEC are computed by the
 * formulas Excel's last digits follow); results spilled over array arguments keep
 * HyperFormula's digits.
 */
import {
  CellError,
  ErrorType,
  HyperFormula,
  type FunctionPlugin,
  type FunctionPluginDefinition,
  type ImplementedFunctions,
} from 'hyperformula';

const COMPLEX_RESULTS = [
  'COMPLEX',
  'IMCONJUGATE',
  'IMCOS',
  'IMCOSH',
  'IMCOT',
  'IMCSC',
  'IMCSCH',
  'IMDIV',
  'IMEXP',
  'IMLN',
  'IMLOG10',
  'IMLOG2',
  'IMPOWER',
  'IMPRODUCT',
  'IMSEC',
  'IMSECH',
  'IMSIN',
  'IMSINH',
  'IMSQRT',
  'IMSUB',
  'IMSUM',
  'IMTAN',
];

const NUMBER = String.raw`\d*\.?\d+(?:e[+-]?\d+)?`;
const COMPLEX_TEXT = new RegExp(`^(-?${NUMBER})?(?:([+-]?)(${NUMBER})?([ij]))?$`);

/** Excel's text of one part: 15 significant digits, trailing zeros dropped. */
const excelDigits = (x: number) => String(Number(x.toPrecision(15)));

/** HyperFormula's text of a complex number rewritten with Excel's digits; other text as it is. */
export function excelComplexText(text: string): string {
  const match = COMPLEX_TEXT.exec(text);
  if (!match) return text;
  const [, realText, sign, magnitude, symbol] = match;
  let re = 0;
  let im = 0;
  if (symbol === undefined) re = Number(realText);
  else if (realText !== undefined && sign === '')
    im = Number(realText); // "4i": the number is the imaginary part
  else {
    re = realText === undefined ? 0 : Number(realText);
    im = (sign === '-' ? -1 : 1) * (magnitude === undefined ? 1 : Number(magnitude));
  }
  return complexText(re, im, symbol ?? 'i');
}

/** Excel's text of re + im·symbol. */
export function complexText(re: number, im: number, symbol = 'i'): string {
  const [reText, imText] = [excelDigits(re), excelDigits(Math.abs(im))];
  if (Number(imText) === 0) return reText;
  const imPart = `${imText === '1' ? '' : imText}${symbol}`;
  if (Number(reText) === 0) return `${im < 0 ? '-' : ''}${imPart}`;
  return `${reText}${im < 0 ? '-' : '+'}${imPart}`;
}

type PluginClass = typeof FunctionPlugin & { implementedFunctions: ImplementedFunctions };
type Method = (...args: unknown[]) => unknown;

function complexTextPlugin(): FunctionPluginDefinition {
  const found = HyperFormula.getFunctionPlugin('IMCOS') as PluginClass | undefined;
  if (!found) throw new Error("HyperFormula's complex-number plugin (IMCOS) is not registered");
  const Base: PluginClass = found;
  class ComplexTextPlugin extends Base {
    static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
      COMPLEX_RESULTS.map((name) => [name, Base.implementedFunctions[name]]),
    );
  }
  const base = Base.prototype as unknown as Record<string, Method>;
  const own = ComplexTextPlugin.prototype as unknown as Record<string, Method>;
  // The formulas Excel's last digits follow for these (HyperFormula divides sin by cos).
  const direct: Record<string, (z: [number, number]) => [number, number]> = { IMTAN: tangent, IMCOT: cotangent, IMSEC: secant };
  for (const [name, fn] of Object.entries(direct)) {
    own[Base.implementedFunctions[name].method] = function (this: FunctionPlugin, ast: unknown, state: unknown) {
      const run = (this as unknown as { runFunction: Method; metadata: (name: string) => unknown }).runFunction;
      const metadata = (this as unknown as { metadata: (name: string) => unknown }).metadata(name);
      return run.call(this, (ast as { args: unknown }).args, state, metadata, (z: [number, number]) => {
        const [re, im] = fn(z);
        return Number.isFinite(re) && Number.isFinite(im)
          ? complexText(re, im)
          : new CellError(ErrorType.NUM, `${name} is not finite here`);
      });
    };
  }
  for (const name of COMPLEX_RESULTS) {
    if (name in direct) continue;
    const method = Base.implementedFunctions[name].method;
    own[method] = function (this: unknown, ...args: unknown[]) {
      const value = base[method].apply(this, args);
      return typeof value === 'string' ? excelComplexText(value) : value;
    };
  }
  return ComplexTextPlugin;
}

/** tan(x+iy) = (sin 2x + i sinh 2y) / (cos 2x + cosh 2y). */
function tangent([x, y]: [number, number]): [number, number] {
  const d = Math.cos(2 * x) + Math.cosh(2 * y);
  return [Math.sin(2 * x) / d, Math.sinh(2 * y) / d];
}

/** cot(x+iy) = (sin 2x − i sinh 2y) / (cosh 2y − cos 2x). */
function cotangent([x, y]: [number, number]): [number, number] {
  const d = Math.cosh(2 * y) - Math.cos(2 * x);
  return [Math.sin(2 * x) / d, -Math.sinh(2 * y) / d];
}

/** sec(x+iy) = 2 (cos x cosh y + i sin x sinh y) / (cos 2x + cosh 2y). */
function secant([x, y]: [number, number]): [number, number] {
  const d = Math.cos(2 * x) + Math.cosh(2 * y);
  return [(2 * Math.cos(x) * Math.cosh(y)) / d, (2 * Math.sin(x) * Math.sinh(y)) / d];
}

export const ComplexTextPlugin: FunctionPluginDefinition = complexTextPlugin();
