/**
 * Bulk resolution by spreadsheet: the queue goes out as .xlsx with editable Status, Owner,
 * Label and Comment columns beside read-only facts, and comes back as ItemChanges, one per
 * row, each naming its row so every fault can be listed before anything is applied.
 */
import * as XLSX from '@e965/xlsx';
import { AppError } from '../db/app-error.js';
import { QUEUE_STATUSES, type QueueItem, type QueueStatus } from '../db/queue/queue.query.js';
import type { ChangeError, ItemChange } from '../db/queue/queue.service.js';

const EDITABLE = ['Id', 'Status', 'Owner', 'Label', 'Comment'] as const;
const FACTS = ['Sheet', 'Kind', 'Key', 'Match', 'Age (days)', 'First seen'] as const;

/** Status as people write it in a cell: "In review", "in_review", "RESOLVED". */
const STATUS_TEXT: Record<string, QueueStatus> = Object.fromEntries(
  QUEUE_STATUSES.flatMap((s) => [
    [s, s],
    [s.replace('_', ' '), s],
  ]),
);

export function queueToXlsx(items: QueueItem[]): Uint8Array {
  const valueColumns = items[0]?.columns ?? [];
  const sameColumns = items.every((i) => i.columns.join('\u0000') === valueColumns.join('\u0000'));
  const headers = [...EDITABLE, ...FACTS, ...(sameColumns ? valueColumns : ['Values'])];
  const rows = items.map((i) => [
    i.id,
    i.status.replace('_', ' '),
    i.assignee?.email ?? '',
    i.label ?? '',
    '',
    i.sheetName,
    i.kind,
    i.key,
    i.match ?? '',
    i.ageDays,
    i.firstSeenAt.slice(0, 10),
    ...(sameColumns ? i.values.map(plain) : [JSON.stringify(i.values)]),
  ]);
  const sheet = XLSX.utils.aoa_to_sheet([headers, ...rows]);
  sheet['!cols'] = headers.map((h) => ({ wch: h === 'Comment' ? 40 : h === 'Key' ? 28 : 12 }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Queue');
  const help = XLSX.utils.aoa_to_sheet([
    ['Edit Status, Owner, Label and Comment on the Queue sheet, then upload the file back.'],
    [`Status: ${QUEUE_STATUSES.map((s) => s.replace('_', ' ')).join(', ')} (closed = force-close, which needs a comment).`],
    ['Owner: a user e-mail, or empty for nobody. Comment: added to the item when not empty.'],
    ['Every row is checked first; nothing is applied unless every row is valid.'],
  ]);
  XLSX.utils.book_append_sheet(book, help, 'How to');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' });
}

/**
 * Reads an edited queue back into changes, with the rows that cannot even be read as errors
 * (the queue's own checks add theirs, so the user sees every fault at once).
 */
export function xlsxToChanges(
  bytes: Uint8Array,
  fileName: string,
  userIdsByEmail: Map<string, number>,
): { changes: ItemChange[]; errors: ChangeError[] } {
  let book: XLSX.WorkBook;
  try {
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new Error('not a zip file');
    book = XLSX.read(bytes, { type: 'array' });
  } catch (error) {
    throw new AppError('bad_file', 422, `${fileName} is not an .xlsx workbook (${(error as Error).message})`);
  }
  const sheetName = book.SheetNames.includes('Queue') ? 'Queue' : book.SheetNames[0];
  const table = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[sheetName], { header: 1, blankrows: false, defval: null });
  const headers = (table[0] ?? []).map((h) => String(h ?? '').trim());
  const at = Object.fromEntries(EDITABLE.map((h) => [h, headers.findIndex((x) => x.toLowerCase() === h.toLowerCase())]));
  const missing = EDITABLE.filter((h) => at[h] < 0);
  if (missing.length)
    throw new AppError('bad_file', 422, `${fileName}, sheet ${sheetName}, row 1: missing column(s) ${missing.join(', ')}`);
  const errors: ChangeError[] = [];
  const changes: ItemChange[] = [];
  const seen = new Map<number, number>();
  table.slice(1).forEach((row, i) => {
    const place = `${fileName}, row ${i + 2}`;
    const fail = (field: string, message: string) => errors.push({ place, field, message });
    const cell = (h: (typeof EDITABLE)[number]) => {
      const v = row[at[h]];
      return v === null || v === undefined ? '' : String(v).trim();
    };
    const id = Number(cell('Id'));
    if (!Number.isInteger(id) || id <= 0) return fail('Id', `"${cell('Id')}" is not an exception id`);
    if (seen.has(id)) return fail('Id', `exception ${id} is also on row ${seen.get(id)}`);
    seen.set(id, i + 2);
    const status = STATUS_TEXT[cell('Status').toLowerCase()];
    if (!status) fail('Status', `"${cell('Status')}" is not a status (${QUEUE_STATUSES.map((s) => s.replace('_', ' ')).join(', ')})`);
    const owner = cell('Owner').toLowerCase();
    const assigneeId = owner ? userIdsByEmail.get(owner) : null;
    if (assigneeId === undefined) fail('Owner', `no user has the e-mail "${cell('Owner')}"`);
    if (status && assigneeId !== undefined)
      changes.push({ id, place, status, assigneeId, label: cell('Label') || null, comment: cell('Comment') || undefined });
  });
  if (!changes.length && !errors.length) throw new AppError('bad_file', 422, `${fileName}, sheet ${sheetName}: no rows to apply`);
  return { changes, errors };
}

function plain(v: unknown): unknown {
  return v !== null && typeof v === 'object' && 'error' in v ? String((v as { error: string }).error) : v;
}
