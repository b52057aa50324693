/**
 * Aligns the rows (or columns) of two versions of a sheet, as a text diff aligns lines: the
 * longest common subsequence of exact signatures first, then, inside each stretch where the
 * two differ, pairs: by position when the stretch has as many items on each side (rows
 * edited in place), else the similar ones (an edited row is the same row changed, not one
 * row deleted and another inserted). What is left unpaired was inserted or deleted.
 */

/** One step of an alignment: `a` and `b` are indexes, -1 where the item exists on one side only. */
export interface AlignStep {
  a: number;
  b: number;
}

/** Above this many cells the LCS table is not built; the middle is paired by position instead. */
const MAX_TABLE = 4_000_000;
/** Two items pair as "the same, edited" when at least this share of their cells agree. */
const SIMILAR = 0.5;

/**
 * Aligns `a` to `b` by signature; `similarity(i, j)` (0..1) pairs edited items inside the
 * stretches that differ.
 *
 * @example
 * align(['x', 'y'], ['x', 'new', 'y'], () => 0) // [{a:0,b:0},{a:-1,b:1},{a:1,b:2}]
 */
export function align(a: string[], b: string[], similarity: (i: number, j: number) => number): AlignStep[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const steps: AlignStep[] = [];
  for (let i = 0; i < start; i++) steps.push({ a: i, b: i });
  const middle = lcsSteps(a, b, start, endA, start, endB);
  steps.push(...pairEdited(middle, similarity));
  for (let i = endA, j = endB; i < a.length; i++, j++) steps.push({ a: i, b: j });
  return steps;
}

/** The LCS edit script of a[a0..a1) against b[b0..b1). */
function lcsSteps(a: string[], b: string[], a0: number, a1: number, b0: number, b1: number): AlignStep[] {
  const n = a1 - a0;
  const m = b1 - b0;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_TABLE) return byPosition(a0, a1, b0, b1);
  // table[i][j]: the LCS length of a[a0+i..a1) and b[b0+j..b1).
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[i * width + j] =
        a[a0 + i] === b[b0 + j] ? table[(i + 1) * width + j + 1] + 1 : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
  const steps: AlignStep[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[a0 + i] === b[b0 + j]) steps.push({ a: a0 + i++, b: b0 + j++ });
    else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) steps.push({ a: a0 + i++, b: -1 });
    else steps.push({ a: -1, b: b0 + j++ });
  }
  while (i < n) steps.push({ a: a0 + i++, b: -1 });
  while (j < m) steps.push({ a: -1, b: b0 + j++ });
  return steps;
}

/** Too large to align: the deleted ones first, then every item paired by position. */
function byPosition(a0: number, a1: number, b0: number, b1: number): AlignStep[] {
  const steps: AlignStep[] = [];
  const n = a1 - a0;
  const m = b1 - b0;
  for (let k = 0; k < Math.max(n, m); k++) steps.push({ a: k < n ? a0 + k : -1, b: k < m ? b0 + k : -1 });
  return steps;
}

/**
 * Inside each run of unpaired steps, pairs deleted and inserted items that are similar
 * enough, keeping order and maximising the total similarity (a small alignment table).
 */
function pairEdited(steps: AlignStep[], similarity: (i: number, j: number) => number): AlignStep[] {
  const out: AlignStep[] = [];
  let k = 0;
  while (k < steps.length) {
    if (steps[k].a !== -1 && steps[k].b !== -1) {
      out.push(steps[k++]);
      continue;
    }
    const deleted: number[] = [];
    const inserted: number[] = [];
    while (k < steps.length && (steps[k].a === -1 || steps[k].b === -1)) {
      if (steps[k].a !== -1) deleted.push(steps[k].a);
      if (steps[k].b !== -1) inserted.push(steps[k].b);
      k++;
    }
    out.push(...pairHunk(deleted, inserted, similarity));
  }
  return out;
}

function pairHunk(deleted: number[], inserted: number[], similarity: (i: number, j: number) => number): AlignStep[] {
  const n = deleted.length;
  const m = inserted.length;
  // As many replaced as replacing, in one place: the same rows (or columns) edited in place.
  if (n === m) return deleted.map((a, k) => ({ a, b: inserted[k] }));
  if (n === 0 || m === 0 || n * m > MAX_TABLE / 4) return [...deleted.map((a) => ({ a, b: -1 })), ...inserted.map((b) => ({ a: -1, b }))];
  const width = m + 1;
  const score = new Float64Array((n + 1) * width);
  const sim = (i: number, j: number) => {
    const s = similarity(deleted[i], inserted[j]);
    return s >= SIMILAR ? s : -1;
  };
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) {
      const s = sim(i, j);
      score[i * width + j] = Math.max(
        score[(i + 1) * width + j],
        score[i * width + j + 1],
        s < 0 ? -1 : s + score[(i + 1) * width + j + 1],
      );
    }
  const steps: AlignStep[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const here = score[i * width + j];
    const s = sim(i, j);
    if (s >= 0 && here === s + score[(i + 1) * width + j + 1]) steps.push({ a: deleted[i++], b: inserted[j++] });
    else if (here === score[(i + 1) * width + j]) steps.push({ a: deleted[i++], b: -1 });
    else steps.push({ a: -1, b: inserted[j++] });
  }
  while (i < n) steps.push({ a: deleted[i++], b: -1 });
  while (j < m) steps.push({ a: -1, b: inserted[j++] });
  return steps;
}

/** Share of two cell lists' non-empty signatures they have in common (as multisets). */
export function multisetSimilarity(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  let sizeA = 0;
  for (const s of a)
    if (s !== '') {
      counts.set(s, (counts.get(s) ?? 0) + 1);
      sizeA++;
    }
  let sizeB = 0;
  let common = 0;
  for (const s of b) {
    if (s === '') continue;
    sizeB++;
    const left = counts.get(s) ?? 0;
    if (left > 0) {
      common++;
      counts.set(s, left - 1);
    }
  }
  const size = Math.max(sizeA, sizeB);
  return size === 0 ? 1 : common / size;
}
