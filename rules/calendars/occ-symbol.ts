/**
 * OCC option symbols (the OSI format): the root (1–6 letters or digits, padded with spaces to
 * 6 characters or not padded at all), the expiration as YYMMDD, C or P, and the strike times
 * 1000 in 8 digits. `AAPL  260918C00150000` and `AAPL260918C00150000` are both
 * AAPL, 2026-09-18, call, strike 150.
 */
import { serialOfIso } from './days.js';

export interface OccSymbol {
  /** The root, without padding, upper case. */
  root: string;
  /** Expiration day as an Excel serial. */
  expiry: number;
  type: 'C' | 'P';
  strike: number;
}

// The tail is fixed: 6 date digits, C or P, 8 strike digits; everything before is the root.
const OCC = /^([A-Za-z0-9]{1,6})( *)(\d{2})(\d{2})(\d{2})([CPcp])(\d{8})$/;

/**
 * The parts of an OCC symbol, or null when the text is not one (a root longer than 6
 * characters, padding that does not make the root 6 wide, a date that is not a calendar day,
 * a type other than C or P, a strike that is not 8 digits). Surrounding white space is ignored.
 * @example parseOccSymbol('SPXW  261218P04500000') // { root: 'SPXW', expiry: 46374, type: 'P', strike: 4500 }
 */
export function parseOccSymbol(text: string): OccSymbol | null {
  const match = OCC.exec(text.trim());
  if (!match) return null;
  const [, root, padding, yy, mm, dd, type, strike] = match;
  if (padding.length > 0 && root.length + padding.length !== 6) return null;
  const iso = `20${yy}-${mm}-${dd}`;
  const expiry = serialOfIso(iso);
  if (expiry === null) return null;
  return { root: root.toUpperCase(), expiry, type: type.toUpperCase() as 'C' | 'P', strike: Number(strike) / 1000 };
}
