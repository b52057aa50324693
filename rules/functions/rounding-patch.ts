/**
 * One correction to HyperFormula's output rounding, applied once per process: its
 * `Exporter.cellValueRounding` scales by 10^(15 - exponent), which is Infinity for a number
 * below about 1e-293, and Infinity/Infinity made `=5/1e308` read back as NaN (found by the
 * formula fuzz). Such a number is returned as it is; Tickmark's own 15-digit rounding
 * (`excelNumber`) follows either way. The compiled evaluator's copy (`hfRounding`) does the same.
 */
import { HyperFormula } from 'hyperformula';

type Rounding = (this: unknown, value: number) => number;

let patched = false;

export function patchOutputRounding(): void {
  if (patched) return;
  patched = true;
  const probe = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' }) as unknown as { _exporter?: object; destroy(): void };
  try {
    const exporter = probe._exporter ? (Object.getPrototypeOf(probe._exporter) as { cellValueRounding?: Rounding }) : undefined;
    const original = exporter?.cellValueRounding;
    if (!exporter || typeof original !== 'function')
      throw new Error('HyperFormula no longer has Exporter.cellValueRounding; update rules/functions/rounding-patch.ts');
    exporter.cellValueRounding = function (this: unknown, value: number): number {
      const rounded = original.call(this, value);
      return Number.isNaN(rounded) && !Number.isNaN(value) ? value : rounded;
    };
  } finally {
    probe.destroy();
  }
}
