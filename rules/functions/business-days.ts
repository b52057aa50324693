// Placeholder until the business-day functions land (owned by the demo/business-days engineer).
import { FunctionPlugin } from 'hyperformula';

export class BusinessDaysPlugin extends FunctionPlugin {
  static override implementedFunctions = {};
}
export const BusinessDaysTranslations = { enGB: {}, enUS: {} };
