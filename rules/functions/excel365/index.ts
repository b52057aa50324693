/**
 * Issue 16's plugins (Excel 365's function library), one file per family, each owned by
 * one piece of work; registered by ../index.ts after Tickmark's earlier plugins, so a
 * function named here replaces HyperFormula's (or an earlier plugin's) of the same name.
 */
import type { FunctionPluginDefinition } from 'hyperformula';
import { arrayPlugins } from './arrays.js';
import { financeEngineeringPlugins } from './finance-engineering.js';
import { infoDatePlugins } from './info-dates.js';
import { lookupTextPlugins } from './lookup-text.js';
import { mathStatsPlugins } from './math-stats.js';

export const excel365Plugins: FunctionPluginDefinition[] = [
  ...arrayPlugins,
  ...lookupTextPlugins,
  ...mathStatsPlugins,
  ...financeEngineeringPlugins,
  ...infoDatePlugins,
];
