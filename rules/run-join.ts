/**
 * The reconciliation's join on key ids (issue 14), with exactly rules/matcher.ts's
 * semantics: passes in order, each on the rows still unmatched; an empty key never
 * matches; numbers and their text form are one key (123 matches "123"); a key shared by
 * several rows of a side is ambiguous, held out and reported as a duplicate. Each distinct
 * key text gets an integer id once (a text column's dictionary is mapped code by code), and
 * the pairs come out as typed arrays in the matcher's order: every left row in row order
 * (matched or left only), then the right rows left over, in row order.
 *
 * A side that aggregates folds rows, which is the matcher's job: such a run converts to
 * rows and uses rules/matcher.ts, and the folded rows become the columns read.
 */
import { isColumnar } from './columnar/types.js';
import { RuleError } from './errors.js';
import { matchDatasets } from './matcher.js';
import { findField } from './rows-layout.js';
import { TextIds } from './text-ids.js';
import { cellOf, rowCount, toRows, type AnyDataset } from './run-sources.js';
import type { MatchPass, RuleSettings } from './settings.js';
import type { FieldValue, MatchStatus } from './types.js';

/** No row on that side (left only / right only), no pass. */
export const NONE = -1;
export const DUPLICATE_NONE = 0;
export const DUPLICATE_LEFT = 1;
export const DUPLICATE_RIGHT = 2;

export interface JoinedRows {
  count: number;
  /** Row of the left side read for each output row, NONE when right only. */
  left: Int32Array;
  right: Int32Array;
  /** The pass that matched the row, 0 when unmatched. */
  pass: Int32Array;
  leftCount: Int32Array;
  rightCount: Int32Array;
  /** DUPLICATE_LEFT / DUPLICATE_RIGHT when the row could not be paired because its key is duplicated. */
  duplicate: Uint8Array;
  /** The row's stable identity (MatchedRow.key). */
  key(row: number): string;
  /** Folded rows when a side aggregates: `left`/`right` index these instead of the datasets. */
  folded?: { left: (FieldValue[] | null)[]; right: (FieldValue[] | null)[] };
}

/** Joins `left` and `right` by the settings' passes. */
export function joinDatasets(settings: RuleSettings, left: AnyDataset, right: AnyDataset): JoinedRows {
  if (settings.aggregateLeft.length > 0 || settings.aggregateRight.length > 0) return joinFolded(settings, left, right);
  const keys = settings.passes.map((pass) => resolveKeys(pass, left, right));
  const nLeft = rowCount(left);
  const nRight = rowCount(right);
  const partner = new Int32Array(nLeft).fill(NONE);
  const passOf = new Int32Array(nLeft);
  const passKey = new Int32Array(nLeft).fill(NONE);
  const passSlot = new Int32Array(nLeft);
  const rightTaken = new Uint8Array(nRight);
  const leftAmbiguous = new Uint8Array(nLeft);
  const rightAmbiguous = new Uint8Array(nRight);
  const texts: string[][] = [];
  let firstLeft: Int32Array | null = null;
  let firstRight: Int32Array | null = null;
  settings.passes.forEach((pass, p) => {
    const ids = new TextIds(nLeft);
    const passTexts = ids.texts;
    texts.push(passTexts);
    const leftIds = keyIds(left, keys[p].left, ids);
    const rightIds = keyIds(right, keys[p].right, ids);
    if (p === 0) {
      firstLeft = leftIds;
      firstRight = rightIds;
    }
    const n = passTexts.length;
    // Counts over the rows still unmatched; `single` the row when a side has exactly one.
    const leftCounts = new Int32Array(n);
    const rightCounts = new Int32Array(n);
    const leftSingle = new Int32Array(n);
    const rightSingle = new Int32Array(n);
    for (let i = 0; i < nLeft; i++) {
      const id = leftIds[i];
      if (id < 0 || partner[i] !== NONE) continue;
      leftCounts[id] += 1;
      leftSingle[id] = i;
    }
    for (let j = 0; j < nRight; j++) {
      const id = rightIds[j];
      if (id < 0 || rightTaken[j]) continue;
      rightCounts[id] += 1;
      rightSingle[id] = j;
    }
    // 0: no match this pass; 1 paired; DUPLICATE_LEFT/RIGHT: ambiguous with that side at fault.
    const outcome = new Uint8Array(n);
    for (let id = 0; id < n; id++) {
      if (leftCounts[id] === 0 || rightCounts[id] === 0) continue;
      if (leftCounts[id] > 1) outcome[id] = 2 + DUPLICATE_LEFT;
      else if (rightCounts[id] > 1) outcome[id] = 2 + DUPLICATE_RIGHT;
      else {
        outcome[id] = 1;
        const i = leftSingle[id];
        const j = rightSingle[id];
        partner[i] = j;
        passOf[i] = pass.pass;
        passKey[i] = id;
        passSlot[i] = p;
        rightTaken[j] = 1;
        leftAmbiguous[i] = DUPLICATE_NONE;
        rightAmbiguous[j] = DUPLICATE_NONE;
      }
    }
    // The rows of an ambiguous key are held out with the side at fault (a later pass may pair them).
    for (let i = 0; i < nLeft; i++) {
      const id = leftIds[i];
      if (id >= 0 && partner[i] === NONE && outcome[id] > 1) leftAmbiguous[i] = outcome[id] - 2;
    }
    for (let j = 0; j < nRight; j++) {
      const id = rightIds[j];
      if (id >= 0 && !rightTaken[j] && outcome[id] > 1) rightAmbiguous[j] = outcome[id] - 2;
    }
  });
  const first = { left: firstLeft!, right: firstRight!, texts: texts[0] };
  // Leftovers: a key shared by several rows of the side (counted over all its rows) is a duplicate.
  markLeftoverDuplicates(first.left, first.texts.length, (i) => partner[i] === NONE, leftAmbiguous, DUPLICATE_LEFT);
  markLeftoverDuplicates(first.right, first.texts.length, (j) => !rightTaken[j], rightAmbiguous, DUPLICATE_RIGHT);
  let rightOnly = 0;
  for (let j = 0; j < nRight; j++) if (!rightTaken[j]) rightOnly += 1;
  const count = nLeft + rightOnly;
  const out = {
    left: new Int32Array(count),
    right: new Int32Array(count),
    pass: new Int32Array(count),
    leftCount: new Int32Array(count),
    rightCount: new Int32Array(count),
    duplicate: new Uint8Array(count),
  };
  for (let i = 0; i < nLeft; i++) {
    out.left[i] = i;
    out.right[i] = partner[i];
    out.pass[i] = passOf[i];
    out.leftCount[i] = 1;
    out.rightCount[i] = partner[i] === NONE ? 0 : 1;
    out.duplicate[i] = partner[i] === NONE ? leftAmbiguous[i] : DUPLICATE_NONE;
  }
  let at = nLeft;
  for (let j = 0; j < nRight; j++) {
    if (rightTaken[j]) continue;
    out.left[at] = NONE;
    out.right[at] = j;
    out.rightCount[at] = 1;
    out.duplicate[at] = rightAmbiguous[j];
    at += 1;
  }
  const key = (row: number): string => {
    const i = out.left[row];
    if (i !== NONE && out.right[row] !== NONE) return `p${out.pass[row]}:${texts[passSlot[i]][passKey[i]]}`;
    if (i !== NONE) return `left:${leftoverKey(left, first.left[i], first.texts, i)}`;
    const j = out.right[row];
    return `right:${leftoverKey(right, first.right[j], first.texts, j)}`;
  };
  return { count, ...out, key };
}

/** An unmatched row's identity: its first-pass key, else its values joined (matcher.ts leftovers). */
function leftoverKey(dataset: AnyDataset, id: number, texts: string[], row: number): string {
  if (id >= 0) return texts[id];
  const values: string[] = [];
  for (let c = 0; c < dataset.columns.length; c++) {
    const v = cellOf(dataset, c, row);
    values.push(v === null ? '' : String(v));
  }
  return values.join(' | ');
}

function markLeftoverDuplicates(
  ids: Int32Array,
  n: number,
  unmatched: (row: number) => boolean,
  ambiguous: Uint8Array,
  side: number,
): void {
  const counts = new Int32Array(n);
  for (let r = 0; r < ids.length; r++) if (ids[r] >= 0) counts[ids[r]] += 1;
  for (let r = 0; r < ids.length; r++) {
    if (ids[r] >= 0 && counts[ids[r]] > 1 && unmatched(r) && ambiguous[r] === DUPLICATE_NONE) ambiguous[r] = side;
  }
}

/**
 * Each row's key id (NONE for an empty key), ids shared through `ids` by both sides of a
 * pass; `ids.texts[id]` is the key text, as matcher.ts keyOf writes it.
 */
function keyIds(dataset: AnyDataset, columns: number[], ids: TextIds): Int32Array {
  const n = rowCount(dataset);
  const out = new Int32Array(n);
  const data = isColumnar(dataset) && columns.length === 1 ? dataset.data[columns[0]] : null;
  if (data && (data.type === 'text' || data.type === 'date')) {
    // One lookup per dictionary entry, not per row.
    const byCode = data.dict.map((text) => (text === '' ? NONE : ids.idOf(text)));
    for (let r = 0; r < n; r++) {
      const code = data.codes[r];
      out[r] = code < 0 ? NONE : byCode[code];
    }
    return out;
  }
  for (let r = 0; r < n; r++) {
    const text = keyText(dataset, columns, r);
    out[r] = text === null ? NONE : ids.idOf(text);
  }
  return out;
}

/** matcher.ts keyOf over either dataset shape. */
function keyText(dataset: AnyDataset, columns: number[], row: number): string | null {
  let key = '';
  for (let k = 0; k < columns.length; k++) {
    const v = cellOf(dataset, columns[k], row);
    if (v === null || v === '') return null;
    key += (k ? ' | ' : '') + (typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v));
  }
  return key;
}

function resolveKeys(pass: MatchPass, left: AnyDataset, right: AnyDataset): { left: number[]; right: number[] } {
  const index = (dataset: AnyDataset, name: string, sideName: string) => {
    const field = findField(dataset.columns, name);
    if (!field) {
      throw new RuleError(
        'unknown_field',
        `${sideName} key "${name}" is not a field of "${dataset.name}" (fields: ${dataset.columns.map((c) => c.name).join(', ')})`,
        { sheet: 'Settings', cell: `B${pass.row}`, setting: `Match ${pass.pass}` },
      );
    }
    return dataset.columns.indexOf(field);
  };
  return { left: pass.keys.map((k) => index(left, k.left, 'left')), right: pass.keys.map((k) => index(right, k.right, 'right')) };
}

/** An aggregating side: the row matcher, its folded rows read as the sides' rows. */
function joinFolded(settings: RuleSettings, left: AnyDataset, right: AnyDataset): JoinedRows {
  const matched = matchDatasets(settings, toRows(left), toRows(right));
  const count = matched.length;
  const out = {
    left: new Int32Array(count),
    right: new Int32Array(count),
    pass: new Int32Array(count),
    leftCount: new Int32Array(count),
    rightCount: new Int32Array(count),
    duplicate: new Uint8Array(count),
  };
  matched.forEach((m, i) => {
    out.left[i] = m.left ? i : NONE;
    out.right[i] = m.right ? i : NONE;
    out.pass[i] = m.pass ?? 0;
    out.leftCount[i] = m.leftCount;
    out.rightCount[i] = m.rightCount;
    out.duplicate[i] = m.duplicate === 'left' ? DUPLICATE_LEFT : m.duplicate === 'right' ? DUPLICATE_RIGHT : DUPLICATE_NONE;
  });
  return {
    count,
    ...out,
    key: (row) => matched[row].key,
    folded: { left: matched.map((m) => m.left), right: matched.map((m) => m.right) },
  };
}

/** What the `match` column shows for an output row. */
export function matchOf(joined: JoinedRows, row: number): MatchStatus {
  if (joined.left[row] === NONE) return 'right only';
  return joined.right[row] === NONE ? 'left only' : 'matched';
}
