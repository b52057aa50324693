/**
 * `CONVERT(number, from_unit, to_unit)`: Excel's unit conversion over its whole unit table
 * (units.ts) with metric prefixes (`km`, `mg`, `daN`, `kPa`…) and binary prefixes for bits
 * and bytes (`kibyte`, `Mibit`). A prefix before a squared or cubed unit is squared or
 * cubed with it (`km2` is 10^6 m2), as Excel reads it. Unknown units, a prefix on a unit
 * that takes none, and units of different groups are #N/A, as in Excel.
 */
import { CellError, ErrorType } from 'hyperformula';
import { BINARY_PREFIXES, METRIC_PREFIXES, UNITS, type Unit } from './units.js';

interface ParsedUnit {
  name: string;
  unit: Unit;
  /** The prefix's multiplier, already raised to the unit's power. */
  scale: number;
}

/** Converts `value` between two of Excel's unit names; #N/A naming the unit that does not fit. */
export function convertUnits(value: number, from: string, to: string): number | CellError {
  const source = parseUnit(from);
  if (source === null) return new CellError(ErrorType.NA, `CONVERT does not know the unit "${from}"`);
  const target = parseUnit(to);
  if (target === null) return new CellError(ErrorType.NA, `CONVERT does not know the unit "${to}"`);
  if (source.unit.group !== target.unit.group)
    return new CellError(ErrorType.NA, `CONVERT cannot turn ${source.unit.group} ("${from}") into ${target.unit.group} ("${to}")`);
  if (source.unit.group === 'temperature') return fromKelvin(toKelvin(value, source.name), target.name);
  const inReference = (value * source.scale) / source.unit.perReference;
  return (inReference * target.unit.perReference) / target.scale;
}

function parseUnit(text: string): ParsedUnit | null {
  const plain = UNITS.get(text);
  if (plain) return { name: text, unit: plain, scale: 1 };
  for (const length of [1, 2]) {
    const prefix = text.slice(0, length);
    const unit = UNITS.get(text.slice(length));
    if (!unit || !unit.prefixes) continue;
    const metric = METRIC_PREFIXES.get(prefix);
    const binary = unit.group === 'information' ? BINARY_PREFIXES.get(prefix) : undefined;
    const multiplier = metric ?? binary;
    if (multiplier !== undefined) return { name: text.slice(length), unit, scale: multiplier ** powerOf(text.slice(length)) };
  }
  return null;
}

/** 2 for a squared unit (`m2`, `m^2`), 3 for a cubed one, else 1. */
function powerOf(name: string): number {
  const last = name.at(-1);
  return last === '2' ? 2 : last === '3' ? 3 : 1;
}

function toKelvin(value: number, name: string): number {
  switch (name) {
    case 'C':
    case 'cel':
      return value + 273.15;
    case 'F':
    case 'fah':
      return (value - 32) / 1.8 + 273.15;
    case 'Rank':
      return value / 1.8;
    case 'Reau':
      return value * 1.25 + 273.15;
    default:
      return value;
  }
}

function fromKelvin(kelvin: number, name: string): number {
  switch (name) {
    case 'C':
    case 'cel':
      return kelvin - 273.15;
    case 'F':
    case 'fah':
      return (kelvin - 273.15) * 1.8 + 32;
    case 'Rank':
      return kelvin * 1.8;
    case 'Reau':
      return (kelvin - 273.15) * 0.8;
    default:
      return kelvin;
  }
}
