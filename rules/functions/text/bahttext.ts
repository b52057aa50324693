/**
 * `BAHTTEXT(number)`: the amount in Thai words with "บาท" (baht) and "สตางค์" (satang),
 * rounded to the satang; whole amounts end "ถ้วน" ("exactly"), negative ones start "ลบ".
 * Thai counts in groups of six digits joined by "ล้าน" (million); in a group, 1 in the units
 * place after other digits is "เอ็ด", 2 in the tens place "ยี่", 1 in the tens place silent.
 */
import { FunctionArgumentType, FunctionPlugin } from 'hyperformula';
import { roundHalfAway } from './value-text.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const DIGITS = ['', 'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า'];
const PLACES = ['', 'สิบ', 'ร้อย', 'พัน', 'หมื่น', 'แสน'];
const MILLION = 'ล้าน';

/** Words for 0 < n < 1,000,000; `after` when higher digits precede this group (so a lone 1 is "เอ็ด"). */
function groupWords(n: number, after: boolean): string {
  const digits = String(n).split('').reverse().map(Number);
  let words = '';
  for (let place = digits.length - 1; place >= 0; place--) {
    const d = digits[place];
    if (d === 0) continue;
    if (place === 1) words += (d === 1 ? '' : d === 2 ? 'ยี่' : DIGITS[d]) + PLACES[1];
    else if (place === 0 && d === 1 && (n > 1 || after)) words += 'เอ็ด';
    else words += DIGITS[d] + PLACES[place];
  }
  return words;
}

/** Words for a whole number ≥ 1. */
function wholeWords(n: number, after = false): string {
  if (n < 1_000_000) return groupWords(n, after);
  const high = Math.floor(n / 1_000_000);
  const low = n % 1_000_000;
  return wholeWords(high, after) + MILLION + (low > 0 ? groupWords(low, true) : '');
}

export function bahtText(amount: number): string {
  const rounded = roundHalfAway(Math.abs(amount), 2);
  const baht = Math.floor(rounded);
  const satang = Math.round((rounded - baht) * 100);
  let words = '';
  if (baht > 0) words += `${wholeWords(baht)}บาท`;
  if (satang > 0) words += `${groupWords(satang, false)}สตางค์`;
  else words += baht > 0 ? 'ถ้วน' : 'ศูนย์บาทถ้วน';
  return (amount < 0 && rounded > 0 ? 'ลบ' : '') + words;
}

export class BahtTextPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    BAHTTEXT: { method: 'bahttext', parameters: [{ argumentType: FunctionArgumentType.NUMBER }] },
  };

  bahttext(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('BAHTTEXT'), bahtText);
  }
}
