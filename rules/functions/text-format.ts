/**
 * `TEXT(value, format_text)` with Excel's number format codes, replacing HyperFormula's,
 * which misreads most date and section codes (`dddd`, `mmm`, `AM/PM`, `0.00;-0.00;"zero"`,
 * `[h]`). Plain number sections go through Tickmark's own formatter (number-format.ts),
 * which follows Excel where SheetJS's SSF does not; dates, times, fractions and the rest go
 * through SSF, a port of Excel's format engine. Text that Excel reads as a number (numbers,
 * ISO dates, times such as "23:59:99") is formatted as that number.
 */
import * as XLSX from '@e965/xlsx';
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { formatCodes, formatPlainNumber, isPlainNumberSection } from './number-format.js';
import { LAST_DATE_SERIAL } from './values.js';

type ProcedureAst = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal types
type InterpreterState = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export class TextFormatPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    TEXT: {
      method: 'text',
      parameters: [{ argumentType: FunctionArgumentType.SCALAR }, { argumentType: FunctionArgumentType.STRING }],
    },
  };

  text(ast: ProcedureAst, state: InterpreterState) {
    const date1904 = this.config.nullDate.year === 1904;
    return this.runFunction(ast.args, state, this.metadata('TEXT'), (value: unknown, format: string) =>
      formatText(value, format, date1904),
    );
  }
}

export function formatText(value: unknown, format: string, date1904 = false): string | CellError {
  if (value instanceof CellError) return value;
  if (value instanceof SimpleRangeValue) return new CellError(ErrorType.VALUE, 'TEXT takes one value');
  // Excel shows booleans as TRUE/FALSE whatever the format.
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  let subject: number | string;
  if (value === null || value === undefined || typeof value === 'symbol') subject = 0;
  else if (typeof value === 'object' && 'val' in (value as object)) subject = (value as { val: number }).val;
  else if (typeof value === 'string') subject = numberFromText(value, date1904) ?? value;
  else subject = value as number;
  if (typeof subject === 'number') {
    const own = formatNumber(subject, format);
    if (own !== undefined) return own;
  }
  try {
    return ssf(format, subject, date1904);
  } catch {
    return new CellError(ErrorType.VALUE, `"${format}" is not a number format Tickmark can read`);
  }
}

/** The sections of a format, split at `;` outside quotes and escapes. */
export function formatSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length - 1 : end;
      current += format.slice(i, stop + 1);
      i = stop;
    } else if (ch === '\\') {
      current += format.slice(i, i + 2);
      i += 1;
    } else if (ch === ';') {
      sections.push(current);
      current = '';
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

const DATE_CODES = /[yYdDhHsS]|[mM]|AM\/PM|A\/P/;
const ELAPSED_ONLY = /^\[(h+|m+|s+)\]$/i;

/**
 * A number through Tickmark's own rules, or undefined to leave it to SSF: plain number
 * sections, elapsed-time counts ([h], [m], [s], negative ones too), and the #VALUE! Excel
 * gives for a date or time code applied to a number that is no date.
 */
function formatNumber(value: number, format: string): string | CellError | undefined {
  const sections = formatSections(format);
  // One section mixing digit placeholders with the text placeholder is not a format Excel accepts.
  if (sections.length === 1 && /[0#?]/.test(formatCodes(format)) && formatCodes(format).includes('@'))
    return new CellError(ErrorType.VALUE, `"${format}" mixes number and text placeholders`);
  const numeric = sections.filter((s) => !formatCodes(s).includes('@'));
  if (!numeric.length) return undefined;
  let section = numeric[0];
  let magnitude = value;
  let sign = '';
  if (numeric.length === 1) sign = value < 0 ? '-' : '';
  else if (value < 0) section = numeric[1];
  else if (value === 0 && numeric.length >= 3) section = numeric[2];
  if (numeric.length > 1 && value < 0) magnitude = Math.abs(value);
  else if (numeric.length === 1) magnitude = Math.abs(value);
  const bare = formatCodes(section);
  if (/\[[<>=]/.test(bare)) return undefined;
  const elapsed = ELAPSED_ONLY.exec(bare.trim());
  if (elapsed) {
    const unit = { h: 24, m: 1440, s: 86400 }[elapsed[1][0].toLowerCase() as 'h' | 'm' | 's'];
    return (value < 0 ? '-' : '') + String(Math.floor(Number((Math.abs(value) * unit).toPrecision(15))));
  }
  if (DATE_CODES.test(bare.replace(/\[[hms]+\]/gi, 'h')) && !/[eE][+-]/.test(bare)) {
    if (value < 0 || value > LAST_DATE_SERIAL)
      return new CellError(ErrorType.VALUE, 'a date or time format needs a date between 1900 and 9999');
    return undefined;
  }
  if (!isPlainNumberSection(section)) return undefined;
  return sign + formatPlainNumber(magnitude, section);
}

/** SSF, with one repair: an unpadded `s` before fractional seconds (`h:m:s.00`) repeats the fraction in SSF. */
function ssf(format: string, subject: number | string, date1904: boolean): string {
  if (!/(^|[^s\\"])s\.0/i.test(format)) return XLSX.SSF.format(format, subject, { date1904 });
  const marked = format.replace(/(^|[^s\\"])s(\.0)/gi, '$1"\uE000"ss$2');
  return XLSX.SSF.format(marked, subject, { date1904 })
    .replace(/\uE0000(\d)/g, '$1')
    .replace(/\uE000/g, '');
}

/**
 * Text Excel reads as a number for TEXT: a plain number, an ISO date or date-time, or a time
 * ("h:m", "h:m:s", "m:s.f") whose minutes and seconds may run past 59 as Excel allows.
 */
export function numberFromText(text: string, date1904 = false): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (Number.isFinite(Number(trimmed))) return Number(trimmed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d*)?))?)?$/.exec(trimmed);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0'] = iso;
    const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
    const days = (Date.UTC(Number(y), Number(mo) - 1, Number(d)) - epoch) / 86_400_000;
    return days + (Number(h) * 3600 + Number(mi) * 60 + Number(s)) / 86400;
  }
  const time = /^(\d{1,4}):(\d{1,4})(?::(\d{1,4}))?(?:\.(\d*))?$/.exec(trimmed);
  if (!time) return null;
  const [, a, b, c, fraction] = time;
  const [first, second] = [Number(a), Number(b)];
  const part = fraction ? Number(`0.${fraction}`) : 0;
  if (c !== undefined) {
    if (first >= 24 || second >= 60) return null;
    return (first * 3600 + second * 60 + Number(c) + part) / 86400;
  }
  // "m:s.f" when there is a fraction, else "h:m".
  if (fraction) return second < 10000 && first < 60 ? (first * 60 + second + part) / 86400 : null;
  return first < 24 ? (first * 60 + second) / 1440 : null;
}
