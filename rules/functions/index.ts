/**
 * Registers Tickmark's extra spreadsheet functions with HyperFormula, once per process.
 * Each plugin lives in its own file beside this one.
 */
import { HyperFormula } from 'hyperformula';
import { averageIfsPlugin, AverageIfsTranslations } from './averageifs.js';
import { BusinessDaysPlugin, BusinessDaysTranslations } from './business-days.js';
import { StatsExtraPlugin, StatsExtraTranslations } from './stats-extra.js';
import { TextFormatPlugin, TextFormatTranslations } from './text-format.js';
import { TextLookupPlugin, TextLookupTranslations } from './text-lookup.js';
import { VdbPlugin, VdbTranslations } from './vdb.js';

let registered = false;

/** Idempotent: safe to call before every HyperFormula instance is built. */
export function registerTickmarkFunctions(): void {
  if (registered) return;
  registered = true;
  HyperFormula.registerFunctionPlugin(BusinessDaysPlugin, BusinessDaysTranslations);
  HyperFormula.registerFunctionPlugin(TextLookupPlugin, TextLookupTranslations);
  HyperFormula.registerFunctionPlugin(StatsExtraPlugin, StatsExtraTranslations);
  HyperFormula.registerFunctionPlugin(averageIfsPlugin(), AverageIfsTranslations);
  HyperFormula.registerFunctionPlugin(VdbPlugin, VdbTranslations);
  // Replaces HyperFormula's TEXT, which misreads most of Excel's format codes.
  HyperFormula.unregisterFunction('TEXT');
  HyperFormula.registerFunctionPlugin(TextFormatPlugin, TextFormatTranslations);
}
