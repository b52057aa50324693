/** Excel 365 plugins: dynamic arrays, LAMBDA and its helpers, array shaping. */
import type { FunctionPluginDefinition } from 'hyperformula';
import { LambdaPlugin } from '../arrays/lambda.js';
import { PivotByPlugin } from '../arrays/pivotby.js';
import { ArraySelectPlugin } from '../arrays/select.js';
import { ArrayShapePlugin } from '../arrays/shape.js';
import { SpillPlugin } from '../arrays/spill.js';

export const arrayPlugins: FunctionPluginDefinition[] = [ArrayShapePlugin, ArraySelectPlugin, LambdaPlugin, PivotByPlugin, SpillPlugin];
