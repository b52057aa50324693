/** Excel 365 plugins: math and trigonometry, statistics, matrices. */
import type { FunctionPluginDefinition } from 'hyperformula';
import { AggregatePlugin } from '../math/aggregate.js';
import { DecimalPlugin } from '../math/decimal.js';
import { MatrixPlugin } from '../math/matrix.js';
import { RoundingMathPlugin } from '../math/rounding-math.js';
import { SumproductPlugin } from '../math/sumproduct.js';
import { DistributionsPlugin } from '../stats/distributions.js';
import { FrequencyPlugin } from '../stats/frequency.js';
import { RankingPlugin } from '../stats/ranking.js';
import { ShapePlugin } from '../stats/shape.js';

export const mathStatsPlugins: FunctionPluginDefinition[] = [
  MatrixPlugin,
  AggregatePlugin,
  RoundingMathPlugin,
  DecimalPlugin,
  SumproductPlugin,
  RankingPlugin,
  ShapePlugin,
  FrequencyPlugin,
  DistributionsPlugin,
];
