/**
 * Bulk resolution by spreadsheet: the queue goes out as .xlsx with editable Status, Owner,
 * Label and Comment columns beside read-only facts (its comments so far, and the stamp of its
 * last change), and comes back as ItemChanges, one per row, each naming its row so every
 * fault can be listed before anything is applied.
 */
import * as XLSX from '@e965/xlsx';
import { AppError } from '../db/app-error.js';
import { neutraliseValue, restoreText } from '../rules/export-safety.js';
import { QUEUE_STATUSES, type QueueFilter, type QueueItem, type QueueStatus } from '../db/queue/queue.query.js';
import type { ExportComment } from '../db/queue/queue-lookups.query.js';
import type { ChangeError, ItemChange } from '../db/queue/queue.service.js';
import { checkXlsxUpload } from './uploads.js';

const EDITABLE = ['Id', 'Status', 'Owner', 'Label', 'Comment'] as const;
/** Read-only facts; "Last change" is the item's stamp when exported, so an upload can tell what moved since. */
const FACTS = ['Comments', 'Sheet', 'Kind', 'Key', 'Match', 'Age (days)', 'First seen', 'Last change'] as const;
const REQUIRED = [...EDITABLE, 'Last change'] as const;
/** Excel refuses longer cells; the oldest comments give way first. */
const MAX_CELL = 32_000;

/** Status as people write it in a cell: "In review", "in_review", "RESOLVED". */
const STATUS_TEXT: Record<string, QueueStatus> = Object.fromEntries(
  QUEUE_STATUSES.flatMap((s) => [
    [s, s],
    [s.replace('_', ' '), s],
  ]),
);

export interface Person {
  id: number;
  email: string;
  name: string;
}

/** How an owner is written in the file: the name when no one else has it, else the e-mail. */
function ownerText(people: Person[]): (assignee: QueueItem['assignee']) => string {
  const count = new Map<string, number>();
  for (const p of people) count.set(p.name.toLowerCase(), (count.get(p.name.toLowerCase()) ?? 0) + 1);
  return (a) => (!a ? '' : count.get(a.name.toLowerCase()) === 1 ? a.name : a.email);
}

/** An item's comments as one cell: "name, time: text" a line, newest last. */
export function commentsCell(comments: ExportComment[] = []): string {
  const lines = comments.map((c) => `${c.userName ?? 'Tickmark'}, ${c.at.slice(0, 16).replace('T', ' ')}: ${c.body}`);
  let text = lines.join('\n');
  for (let dropped = 1; text.length > MAX_CELL; dropped++)
    text = [`(${dropped} earlier comment(s) only in Tickmark)`, ...lines.slice(dropped)].join('\n');
  return text;
}

/**
 * The queue as a workbook: the items (editable columns first, their comments, facts and the
 * break's values), the filter it was exported with, and how to edit it.
 */
export function queueToXlsx(
  items: QueueItem[],
  input: { comments: Map<number, ExportComment[]>; people: Person[]; filter: [string, string][] },
): Uint8Array {
  const owner = ownerText(input.people);
  const valueColumns = items[0]?.columns ?? [];
  const sameColumns = items.every((i) => i.columns.join('\u0000') === valueColumns.join('\u0000'));
  const headers = [...EDITABLE, ...FACTS, ...(sameColumns ? valueColumns : ['Values'])];
  const rows = items.map((i) => [
    i.id,
    i.status.replace('_', ' '),
    owner(i.assignee),
    i.label ?? '',
    '',
    commentsCell(input.comments.get(i.id)),
    i.sheetName,
    i.kind,
    i.key,
    i.match ?? '',
    i.ageDays,
    i.firstSeenAt.slice(0, 10),
    i.updatedAt,
    ...(sameColumns ? i.values.map(plain) : [JSON.stringify(i.values)]),
  ]);
  // Text a spreadsheet would run as a formula gets a leading `'`; reading back takes it off.
  const sheet = XLSX.utils.aoa_to_sheet([headers, ...rows.map((r) => r.map(neutraliseValue))]);
  const width: Record<string, number> = { Comment: 40, Comments: 60, Key: 28, 'Last change': 26 };
  sheet['!cols'] = headers.map((h) => ({ wch: width[h] ?? 12 }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Queue');
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([['Filter', 'Value'], ...input.filter.map((r) => r.map(neutraliseValue))]),
    'Filter',
  );
  const help = XLSX.utils.aoa_to_sheet([
    ['Edit Status, Owner, Label and Comment on the Queue sheet, then upload the file back.'],
    [`Status: ${QUEUE_STATUSES.map((s) => s.replace('_', ' ')).join(', ')} (closed = force-close, which needs a comment).`],
    ['Owner: a user name or e-mail, or empty for nobody. Comment: added to the item when not empty.'],
    ["Comments (the item's comments so far, newest last) and the other columns are for reading; leave Last change as it is."],
    ['The upload first shows what it will change; nothing applies until you confirm, and only if every row is valid.'],
    ['A row whose item was changed by someone after this export is refused: download the queue again.'],
  ]);
  XLSX.utils.book_append_sheet(book, help, 'How to');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' });
}

/** Who a cell names as owner: an e-mail, or a name only one user has. */
function ownerLookup(people: Person[]): (text: string) => number | null | string {
  const byEmail = new Map(people.map((p) => [p.email.toLowerCase(), p.id]));
  const byName = new Map<string, number[]>();
  for (const p of people) byName.set(p.name.toLowerCase(), [...(byName.get(p.name.toLowerCase()) ?? []), p.id]);
  return (text) => {
    const t = text.trim().toLowerCase();
    if (!t) return null;
    const email = byEmail.get(t);
    if (email !== undefined) return email;
    const named = byName.get(t) ?? [];
    if (named.length === 1) return named[0];
    return named.length
      ? `${named.length} users are called "${text}": write the e-mail instead`
      : `no user has the ${t.includes('@') ? 'e-mail' : 'name or e-mail'} "${text}"`;
  };
}

/**
 * Reads an edited queue back into changes, with the rows that cannot even be read as errors
 * (the queue's own checks add theirs, so the user sees every fault at once).
 */
export function xlsxToChanges(bytes: Uint8Array, fileName: string, people: Person[]): { changes: ItemChange[]; errors: ChangeError[] } {
  const findOwner = ownerLookup(people);
  // Random bytes, a legacy .xls and a zip bomb are refused before the parser sees them.
  checkXlsxUpload(bytes, fileName);
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, { type: 'array' });
  } catch (error) {
    throw new AppError('bad_file', 422, `${fileName} is not an .xlsx workbook (${(error as Error).message})`);
  }
  const sheetName = book.SheetNames.includes('Queue') ? 'Queue' : book.SheetNames[0];
  const table = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[sheetName], { header: 1, blankrows: false, defval: null });
  const headers = (table[0] ?? []).map((h) => String(h ?? '').trim());
  const at = Object.fromEntries(REQUIRED.map((h) => [h, headers.findIndex((x) => x.toLowerCase() === h.toLowerCase())]));
  const missing = REQUIRED.filter((h) => at[h] < 0);
  if (missing.length)
    throw new AppError('bad_file', 422, `${fileName}, sheet ${sheetName}, row 1: missing column(s) ${missing.join(', ')}`);
  const errors: ChangeError[] = [];
  const changes: ItemChange[] = [];
  const seen = new Map<number, number>();
  table.slice(1).forEach((row, i) => {
    const place = `${fileName}, row ${i + 2}`;
    const fail = (field: string, message: string) => errors.push({ place, field, message });
    const cell = (h: (typeof REQUIRED)[number]) => {
      const v = row[at[h]];
      return v === null || v === undefined ? '' : restoreText(String(v).trim());
    };
    const id = Number(cell('Id'));
    if (!Number.isInteger(id) || id <= 0) return fail('Id', `"${cell('Id')}" is not an exception id`);
    if (seen.has(id)) return fail('Id', `exception ${id} is also on row ${seen.get(id)}`);
    seen.set(id, i + 2);
    const status = STATUS_TEXT[cell('Status').toLowerCase()];
    if (!status) fail('Status', `"${cell('Status')}" is not a status (${QUEUE_STATUSES.map((s) => s.replace('_', ' ')).join(', ')})`);
    const owner = findOwner(cell('Owner'));
    if (typeof owner === 'string') fail('Owner', owner);
    const basedOn = cell('Last change');
    if (!basedOn) fail('Last change', 'is empty: it must keep the value the export wrote');
    if (status && typeof owner !== 'string' && basedOn)
      changes.push({ id, place, status, assigneeId: owner, label: cell('Label') || null, comment: cell('Comment') || undefined, basedOn });
  });
  if (!changes.length && !errors.length) throw new AppError('bad_file', 422, `${fileName}, sheet ${sheetName}: no rows to apply`);
  return { changes, errors };
}

function plain(v: unknown): unknown {
  return v !== null && typeof v === 'object' && 'error' in v ? String((v as { error: string }).error) : v;
}

/** The filter an export was made with, as the rows of its Filter sheet: what a reader needs to know what is (not) in the file. */
export function describeFilter(
  f: QueueFilter,
  input: { sheetName?: string; ownerName?: string; total: number; at: string },
): [string, string][] {
  return [
    ['Exported', `${input.at.slice(0, 16).replace('T', ' ')} UTC`],
    ['Exceptions', String(input.total)],
    ['Sheet', f.sheetId ? (input.sheetName ?? `sheet ${f.sheetId}`) : 'all sheets'],
    ['Status', f.statuses?.length ? f.statuses.map((s) => s.replace('_', ' ')).join(', ') : 'any'],
    ['Kind', f.kinds?.length ? f.kinds.join(', ') : 'any'],
    ['Owner', f.assignee === 'none' ? 'nobody' : f.assignee ? (input.ownerName ?? `user ${f.assignee}`) : 'anyone'],
    ['Label', f.label ?? 'any'],
    ['Age', describeAge(f)],
    ['Search', f.search ? `"${f.search}"` : 'none'],
  ];
}

function describeAge({ minAge, maxAge }: QueueFilter): string {
  if (maxAge === undefined) return minAge ? `at least ${minAge} day(s)` : 'any';
  return minAge ? `${minAge} to ${maxAge} day(s)` : `at most ${maxAge} day(s)`;
}
