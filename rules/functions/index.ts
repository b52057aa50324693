/**
 * Registers Tickmark's extra spreadsheet functions with HyperFormula, once per process.
 * Each plugin lives in its own file beside this one.
 */
import { HyperFormula, type FunctionPluginDefinition } from 'hyperformula';
import { ArithmeticPlugin } from './arithmetic.js';
import { averageIfsPlugin } from './averageifs.js';
import { BasesPlugin } from './bases.js';
import { BusinessDaysPlugin } from './business-days.js';
import { DatesPlugin } from './dates.js';
import { guardPlugin } from './guard.js';
import { ownNames, registerTickmarkLanguage } from './language.js';
import { approximateLookupPlugin } from './lookup-approximate.js';
import { LetPlugin } from './let.js';
import { LogicPlugin } from './logic.js';
import { OptionSymbolsPlugin } from './option-symbols.js';
import { PickPlugin } from './pick.js';
import { ReferencePlugin } from './reference.js';
import { RegressionPlugin } from './regression.js';
import { StatsExtraPlugin } from './stats-extra.js';
import { TextExcelPlugin } from './text-excel.js';
import { TextFormatPlugin } from './text-format.js';
import { TextLookupPlugin } from './text-lookup.js';
import { TradingDaysPlugin } from './trading-days.js';
import { VdbPlugin } from './vdb.js';
import { YearFracPlugin } from './yearfrac.js';
import { excel365Plugins } from './excel365/index.js';
import { patchWildcards } from './wildcards/patch.js';
import { patchCriteriaCache } from './criteria-cache-patch.js';
import { patchOutputRounding } from './rounding-patch.js';

let registered = false;

/** Idempotent: safe to call before every HyperFormula instance is built. */
export function registerTickmarkFunctions(): void {
  if (registered) return;
  registered = true;
  registerTickmarkLanguage();
  // Plugins named here replace HyperFormula's own function of the same name.
  const plugins: FunctionPluginDefinition[] = [
    BusinessDaysPlugin,
    TextLookupPlugin,
    StatsExtraPlugin,
    averageIfsPlugin(),
    VdbPlugin,
    TextFormatPlugin,
    PickPlugin,
    RegressionPlugin,
    YearFracPlugin,
    BasesPlugin,
    LogicPlugin,
    DatesPlugin,
    approximateLookupPlugin(),
    ReferencePlugin,
    ArithmeticPlugin,
    TextExcelPlugin,
    LetPlugin,
    OptionSymbolsPlugin,
    TradingDaysPlugin,
    ...excel365Plugins,
  ];
  const builtIn = new Set(HyperFormula.getRegisteredFunctionNames('enGB'));
  for (const plugin of plugins) {
    for (const name of Object.keys(plugin.implementedFunctions)) if (builtIn.has(name)) HyperFormula.unregisterFunction(name);
    HyperFormula.registerFunctionPlugin(guardPlugin(plugin), ownNames(plugin));
  }
  // HyperFormula's own functions too: an exception in any one call is that cell's error.
  for (const plugin of HyperFormula.getAllFunctionPlugins()) guardPlugin(plugin);
  // Excel's `?` is exactly one character; HyperFormula's matches zero or one (wildcards/patch.ts).
  patchWildcards();
  patchOutputRounding();
  // COUNTIFS("a",…,"b,c") and ("a,b",…,"c") shared a cache entry (criteria-cache-patch.ts).
  patchCriteriaCache();
}
