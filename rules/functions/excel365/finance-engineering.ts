/** Excel 365 plugins: financial (../finance/), engineering (../engineering/). */
import type { FunctionPluginDefinition } from 'hyperformula';
import { ComplexTextPlugin } from '../engineering/complex-text.js';
import { EngineeringPlugin } from '../engineering/plugin.js';
import { SecuritiesPlugin } from '../finance/plugin.js';

export const financeEngineeringPlugins: FunctionPluginDefinition[] = [SecuritiesPlugin, EngineeringPlugin, ComplexTextPlugin];
