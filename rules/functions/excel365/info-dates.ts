/** Excel 365 plugins: information, database, date and time, compatibility, cube and web. */
import type { FunctionPluginDefinition } from 'hyperformula';
import { EuroConvertPlugin } from '../compat/euroconvert.js';
import { LegacyStatisticsPlugin } from '../compat/legacy-statistics.js';
import { holidayTextPlugin } from '../datetime/holidays.js';
import { EncodeUrlPlugin } from '../info/encode-url.js';
import { FilterXmlPlugin } from '../info/filter-xml.js';
import { TypeInfoPlugin } from '../info/type-info.js';

export const infoDatePlugins: FunctionPluginDefinition[] = [
  TypeInfoPlugin,
  EncodeUrlPlugin,
  FilterXmlPlugin,
  LegacyStatisticsPlugin,
  EuroConvertPlugin,
  holidayTextPlugin(),
];
