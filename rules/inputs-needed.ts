/**
 * Which datasets a rule sheet reads and which of their fields, from its settings and its
 * `Rows` headers alone: so a run can be offered only datasets that fit, and refused before
 * it starts rather than failing half-way.
 */
import { lookupHeaders } from './lookup-sheets.js';
import { pnlInputs } from './pnl/pnl-inputs.js';
import { isPnlSheet } from './pnl/pnl-report.js';
import { readSettings, type RuleSettings } from './settings.js';
import { findSheet, isFormula, type CellInput, type Workbook } from './workbook.js';

export interface InputNeed {
  /** The dataset name the sheet names (`Left`, `Right`, `Data`, or a Report's sheet name). */
  name: string;
  role: 'Left' | 'Right' | 'Data' | 'Report sheet' | 'Lookup' | 'Trades' | 'Prices' | 'FX';
  /** Fields the sheet reads from it, as written in the sheet. */
  fields: string[];
  /** A Lookup's: the 0-based column each of `fields` must be in, as its formulas address them by letter. */
  columns?: number[];
}

/** The sheet's inputs; `known` names the datasets that exist (a Report reads the sheets named after one). */
export function inputsNeeded(workbook: Workbook, known: string[]): InputNeed[] {
  const settings = readSettings(workbook);
  if (settings.type === 'Report') {
    // A P&L report reads its Trades, Prices and FX datasets whether or not a sheet is named
    // after them; its Realized, Positions, Daily and Checks sheets are the booking's, never a dataset's.
    if (!settings.pnl) return reportInputs(workbook, known);
    const pnl = pnlInputs(settings.pnl);
    const pnlNames = new Set(pnl.map((p) => p.name.toLowerCase()));
    return [...pnl, ...reportInputs(workbook, known).filter((r) => !pnlNames.has(r.name.toLowerCase()) && !isPnlSheet(r.name))];
  }
  const headers = rowsHeaders(workbook);
  // A lookup sheet's row-1 headers are the fields its formulas read, by column.
  // (A lookup of the Left, Right or Data dataset is given once, as that input.)
  const sidesNamed = new Set([settings.data, settings.left, settings.right].flatMap((n) => (n ? [n.toLowerCase()] : [])));
  const lookups: InputNeed[] = settings.lookup
    .filter((name) => !sidesNamed.has(name.toLowerCase()))
    .map((name) => {
      const headers = lookupHeaders(workbook, name);
      return { name, role: 'Lookup', fields: headers.map((h) => h.field), columns: headers.map((h) => h.col) };
    });
  if (settings.type === 'Check') {
    const fields = headers.filter((h) => !h.hasRule).map((h) => h.header);
    return [
      { name: settings.data!, role: 'Data', fields: unique([...fields, ...settings.key, ...(settings.ageFrom ? [settings.ageFrom] : [])]) },
      ...lookups,
    ];
  }
  const sides = (['left', 'right'] as const).map((side): InputNeed => ({
    name: side === 'left' ? settings.left! : settings.right!,
    role: side === 'left' ? 'Left' : 'Right',
    fields: unique([...sideFields(settings, side), ...headers.flatMap((h) => (h.hasRule ? [] : fieldOf(h.header, side)))]),
  }));
  return [...sides, ...lookups];
}

function sideFields(settings: RuleSettings, side: 'left' | 'right'): string[] {
  const keys = settings.passes.flatMap((p) => p.keys.map((k) => k[side]));
  const aggregates = (side === 'left' ? settings.aggregateLeft : settings.aggregateRight).flatMap((a) =>
    a.weight ? [a.field, a.weight] : [a.field],
  );
  const age = settings.ageFrom ? fieldOf(settings.ageFrom, side, true) : [];
  return [...keys, ...aggregates, ...age];
}

/** `left.qty` is the left side's `qty`; a bare name is the left side's where `bareIsLeft`. */
function fieldOf(name: string, side: 'left' | 'right', bareIsLeft = false): string[] {
  const lower = name.toLowerCase();
  if (lower.startsWith(`${side}.`)) return [name.slice(side.length + 1)];
  if (bareIsLeft && side === 'left' && !lower.startsWith('right.')) return [name];
  return [];
}

function rowsHeaders(workbook: Workbook): { header: string; hasRule: boolean }[] {
  const sheet = findSheet(workbook, 'Rows');
  const headerRow = sheet?.cells[0] ?? [];
  const ruleRow = sheet?.cells[1] ?? [];
  return headerRow.flatMap((raw, i) => {
    const header = raw === null || raw === undefined ? '' : String(raw).trim();
    if (!header || BUILTIN.has(header.toLowerCase())) return [];
    return [{ header, hasRule: hasRule(ruleRow[i]) }];
  });
}

const BUILTIN = new Set(['match', 'pass', 'left.count', 'right.count']);

function hasRule(cell: CellInput | undefined): boolean {
  return (cell !== undefined && isFormula(cell)) || (cell !== null && cell !== undefined && String(cell).trim() !== '');
}

/**
 * A Report reads the datasets its sheets are named after. Its formulas address their
 * columns by letter, so no field names can be read from the sheet: any fields fit.
 */
function reportInputs(workbook: Workbook, known: string[]): InputNeed[] {
  const names = new Set(known.map((k) => k.toLowerCase()));
  return workbook.sheets
    .filter((s) => s.name.toLowerCase() !== 'settings' && names.has(s.name.toLowerCase()))
    .map((s) => ({ name: s.name, role: 'Report sheet' as const, fields: [] }));
}

function unique(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const lower = n.toLowerCase();
    if (seen.has(lower)) return false;
    seen.add(lower);
    return true;
  });
}
