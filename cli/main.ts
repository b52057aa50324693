/**
 * The batch CLI (contract section 2). Each command returns its exit status and writes one
 * line to standard error on failure; nothing here needs the server. `audit verify` and
 * `backup` read the database file (read-only, safe while the server runs); `restore`
 * replaces it and refuses while a server holds the data folder.
 */

const USAGE = `usage:
  tickmark run WORKBOOK --data NAME=FILE [--data NAME=FILE …] [--param NAME=VALUE …] --out DIR
  tickmark recalc IN.xlsx --out OUT.xlsx
  tickmark export WORKBOOK --out OUT.xlsx
  tickmark calendar FROM_YEAR [TO_YEAR] [--calendar NYSE] [--out FILE.csv]
  tickmark audit verify [--data-dir DIR]
  tickmark backup [--data-dir DIR] --out FILE [--force]
  tickmark restore FILE [--data-dir DIR]`;

/** Dispatches `argv` (without node and script) to a command; resolves to the exit status. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // Commands load on demand so one command's dependencies never slow another's start.
  if (command === 'run') return (await import('./run-command.js')).runCommand(rest);
  if (command === 'recalc') return (await import('./recalc-command.js')).recalcCommand(rest);
  if (command === 'export') return (await import('./export-command.js')).exportCommand(rest);
  if (command === 'calendar') return (await import('./calendar-command.js')).calendarCommand(rest);
  if (command === 'audit') return (await import('./audit-command.js')).auditCommand(rest);
  if (command === 'backup') return (await import('./backup-command.js')).backupCommand(rest);
  if (command === 'restore') return (await import('./restore-command.js')).restoreCommand(rest);
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  process.stderr.write(`tickmark: unknown command ${command ? `"${command}"` : '(none)'}\n${USAGE}\n`);
  return 2;
}
