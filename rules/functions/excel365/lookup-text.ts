/** Excel 365 plugins: lookup and reference, text. */
import type { FunctionPluginDefinition } from 'hyperformula';
import { AddressPlugin } from '../lookup/address.js';
import { AreasPlugin } from '../lookup/areas.js';
import { BahtTextPlugin } from '../text/bahttext.js';
import { ByteTextPlugin } from '../text/bytes.js';
import { PhoneticPlugin } from '../text/phonetic.js';
import { RegexPlugin } from '../text/regex.js';
import { TextSplitPlugin } from '../text/textsplit.js';
import { ValueTextPlugin } from '../text/value-text.js';
import { XlookupPlugin } from '../lookup/xlookup.js';
import { TextWidthPlugin } from '../text/width.js';

export const lookupTextPlugins: FunctionPluginDefinition[] = [
  AddressPlugin,
  AreasPlugin,
  XlookupPlugin,
  ByteTextPlugin,
  TextWidthPlugin,
  RegexPlugin,
  ValueTextPlugin,
  TextSplitPlugin,
  BahtTextPlugin,
  PhoneticPlugin,
];
