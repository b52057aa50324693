/**
 * `tickmark calendar FROM_YEAR [TO_YEAR] [--calendar NYSE] [--out FILE.csv]` (calendar
 * contract, section 2): the NYSE calendar's holidays, early closes and monthly and quarterly
 * option expirations as CSV (`date,event,detail`) in date order, printed or written all or
 * nothing to FILE. Bad arguments exit 2 with one line naming the argument.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { csvLine } from '../rules/csv-text.js';
import { RuleError } from '../rules/errors.js';
import { calendarEvents } from '../rules/calendars/events.js';
import { NYSE_FIRST_YEAR, NYSE_LAST_YEAR } from '../rules/calendars/nyse.js';

interface CalendarArgs {
  fromYear: number;
  toYear: number;
  out?: string;
}

/** Runs `calendar …` (argv after `calendar`); resolves to the exit status. */
export async function calendarCommand(argv: string[]): Promise<number> {
  let args: CalendarArgs;
  try {
    args = parseCalendarArgs(argv);
  } catch (error) {
    process.stderr.write(`tickmark calendar: ${(error as Error).message}\n`);
    return 2;
  }
  const lines = [csvLine(['date', 'event', 'detail'])];
  try {
    for (const e of calendarEvents(args.fromYear, args.toYear)) lines.push(csvLine([e.date, e.event, e.detail]));
  } catch (error) {
    process.stderr.write(`tickmark calendar: ${error instanceof RuleError ? error.describe() : (error as Error).message}\n`);
    return 2;
  }
  if (!args.out) {
    process.stdout.write(lines.join(''));
    return 0;
  }
  const partial = join(dirname(args.out), `.${basename(args.out)}.partial`);
  try {
    await writeFile(partial, lines.join(''));
    await rename(partial, args.out);
    process.stdout.write(`${lines.length - 1} events, ${args.fromYear}–${args.toYear} -> ${args.out}\n`);
    return 0;
  } catch (error) {
    await rm(partial, { force: true });
    process.stderr.write(`tickmark calendar: cannot write ${args.out}: ${(error as Error).message}\n`);
    return 1;
  }
}

function parseCalendarArgs(argv: string[]): CalendarArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { calendar: { type: 'string' }, out: { type: 'string' } },
  });
  if (positionals.length === 0)
    throw new Error('FROM_YEAR is missing (usage: tickmark calendar FROM_YEAR [TO_YEAR] [--calendar NYSE] [--out FILE.csv])');
  if (positionals.length > 2) throw new Error(`unexpected argument "${positionals[2]}" (give FROM_YEAR and at most TO_YEAR)`);
  const fromYear = year('FROM_YEAR', positionals[0]);
  const toYear = positionals[1] === undefined ? fromYear : year('TO_YEAR', positionals[1]);
  if (toYear < fromYear) throw new Error(`TO_YEAR ${toYear} is before FROM_YEAR ${fromYear}`);
  if (values.calendar !== undefined && values.calendar.trim().toUpperCase() !== 'NYSE')
    throw new Error(`--calendar "${values.calendar}" is not a calendar this command knows (only NYSE)`);
  if (values.out !== undefined && values.out.trim() === '') throw new Error('--out needs a file name');
  return { fromYear, toYear, out: values.out };
}

function year(name: string, text: string): number {
  const value = /^\d{4}$/.test(text.trim()) ? Number(text) : NaN;
  if (!(value >= NYSE_FIRST_YEAR && value <= NYSE_LAST_YEAR))
    throw new Error(`${name} "${text}" is not a year from ${NYSE_FIRST_YEAR} to ${NYSE_LAST_YEAR}`);
  return value;
}
