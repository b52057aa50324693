/** The schedules page's helpers: types, a cron in words, the form as the API takes it, and the server's errors by field. */
export interface Schedule {
  id: number;
  sheetId: number;
  cron: string;
  timezone: string;
  inputs: Record<string, string>;
  params: Record<string, string | number | boolean>;
  waitMinutes: number;
  enabled: boolean;
  nextRun: string | null;
  nextRuns: string[];
  lastFiredAt: string | null;
  lastOutcome: { runId?: number; waiting?: string[]; missing?: string[]; error?: string } | null;
  createdAt: string;
}

export interface WatchedFile {
  name: string;
  size: number;
  modifiedAt: string;
  matches: { scheduleId: number; sheetId: number; input: string; pattern: string }[];
}

export interface ScheduleForm {
  sheetId: number | null;
  cron: string;
  timezone: string;
  inputs: Record<string, string>;
  waitMinutes: number;
  enabled: boolean;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const isNumber = (s: string) => /^\d+$/.test(s);

function listInWords(field: string, names: string[], offset: number): string | null {
  const parts = field.split(',').map((part) => {
    const range = /^(\d+)-(\d+)$/.exec(part);
    if (range) return `${names[Number(range[1]) - offset]}–${names[Number(range[2]) - offset]}`;
    return isNumber(part) ? names[Number(part) - offset] : undefined;
  });
  return parts.every((p) => p !== undefined) ? parts.join(', ') : null;
}

/** "30 18 * * 1-5" → "at 18:30, Monday–Friday". A cron it cannot say (seconds, steps in hours…) comes back as "custom". */
export function cronInWords(cron: string): string {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return 'custom';
  const [minute, hour, day, month, weekday] = fields;
  const inRange = (field: string, max: number) => field.split(/[,-]/).every((n) => !isNumber(n) || Number(n) <= max);
  if (!inRange(minute, 59) || !inRange(hour, 23) || !inRange(day, 31) || !inRange(month, 12) || !inRange(weekday, 7))
    return 'not a valid cron';
  const step = /^\*\/(\d+)$/.exec(minute);
  let when: string;
  if (step && hour === '*') when = `every ${step[1]} minutes`;
  else if (minute === '*' && hour === '*') when = 'every minute';
  else if (isNumber(minute) && hour === '*') when = `every hour at minute ${Number(minute)}`;
  else if (isNumber(minute) && hour.split(',').every(isNumber))
    when = `at ${hour
      .split(',')
      .map((h) => `${h.padStart(2, '0')}:${minute.padStart(2, '0')}`)
      .join(', ')}`;
  else return 'custom';
  const dayNames = weekday === '*' ? '' : listInWords(weekday.replace(/\b7\b/g, '0'), DAYS, 0);
  const monthNames = month === '*' ? '' : listInWords(month, MONTHS, 1);
  const dayOfMonth = day === '*' ? '' : /^[\d,-]+$/.test(day) ? `on day ${day.replace(/,/g, ', ')} of the month` : null;
  if (dayNames === null || monthNames === null || dayOfMonth === null) return 'custom';
  return [when, dayNames, dayOfMonth, monthNames && `in ${monthNames}`].filter(Boolean).join(', ') || when;
}

/** The create (with sheetId) or change body; inputs left blank are left out. */
export function scheduleBody(form: ScheduleForm, creating: boolean): Record<string, unknown> {
  const inputs = Object.fromEntries(Object.entries(form.inputs).filter(([, pattern]) => pattern.trim() !== ''));
  const body: Record<string, unknown> = {
    cron: form.cron.trim(),
    timezone: form.timezone,
    inputs,
    waitMinutes: form.waitMinutes,
    enabled: form.enabled,
  };
  return creating ? { sheetId: form.sheetId, ...body } : body;
}

/** The server's 400 `details` ([{ path, message }]) by top-level field (`inputs.FO` → `inputs`); anything else under `form`. */
export function errorsByField(details: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(details)) return out;
  for (const issue of details as { path?: string; message?: string }[]) {
    const field = (issue.path ?? '').split('.')[0] || 'form';
    out[field] = out[field] ? `${out[field]}; ${issue.message}` : String(issue.message);
  }
  return out;
}

/** The next fire times as the user reads them, in the schedule's own zone. */
export function fireTimeInZone(iso: string, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'short',
    day: '2-digit',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

export function sizeInWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function timeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}
