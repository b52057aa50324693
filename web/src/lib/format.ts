/** Display helpers for evaluated values. */
export function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'error' in (value as object)) return String((value as { error: string }).error);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
  return String(value);
}

/** The datasets a rule sheet needs, from its Settings (Left/Right/Data) or, for a Report, its sheet names. */
export function requiredDatasets(workbook: { sheets: { name: string; cells: unknown[][] }[] }, known: string[]): string[] {
  const settings = workbook.sheets.find((s) => s.name.toLowerCase() === 'settings');
  const rows = (settings?.cells ?? []).map((r) => [
    String(r?.[0] ?? '')
      .trim()
      .toLowerCase(),
    String(r?.[1] ?? '').trim(),
  ]);
  const type = rows.find(([k]) => k === 'type')?.[1].toLowerCase();
  if (type === 'report') return workbook.sheets.map((s) => s.name).filter((n) => known.some((k) => k.toLowerCase() === n.toLowerCase()));
  return rows.filter(([k]) => k === 'left' || k === 'right' || k === 'data').map(([, v]) => v);
}
