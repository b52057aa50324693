/**
 * Builds HyperFormula instances configured the way Tickmark evaluates workbooks:
 * Excel's date system, GPL licence key, Tickmark's extra functions registered.
 */
import { HyperFormula, type ConfigParams } from 'hyperformula';
import { registerTickmarkFunctions } from './functions/index.js';

/** HyperFormula settings shared by every instance Tickmark builds. */
export function engineConfig(overrides: Partial<ConfigParams> = {}): Partial<ConfigParams> {
  registerTickmarkFunctions();
  return {
    licenseKey: 'gpl-v3',
    // Excel's serial dates: day 1 is 1900-01-01 and 1900-02-29 exists.
    nullDate: { year: 1899, month: 12, day: 30 },
    leapYear1900: false,
    useColumnIndex: false,
    smartRounding: true,
    maxRows: 1_100_000,
    maxColumns: 16_384,
    ...overrides,
  };
}

/** An empty HyperFormula instance with Tickmark's configuration. */
export function createEngine(overrides: Partial<ConfigParams> = {}): HyperFormula {
  return HyperFormula.buildEmpty(engineConfig(overrides));
}
