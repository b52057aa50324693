/**
 * The one search of every list page: a row stays when each word typed appears, in any
 * case, in one of the texts it is shown with (e.g. a run's number, sheet, status and starter).
 */

/**
 * Whether the row with these texts matches the search box's `query` (all words, any order).
 * @example matchesSearch('fo fail', ['#12', 'fo-vs-broker', 'failed']) // true
 */
export function matchesSearch(query: string, texts: (string | number | null | undefined)[]): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = texts
    .filter((t) => t !== null && t !== undefined)
    .join('\n')
    .toLowerCase();
  return words.every((w) => haystack.includes(w));
}
