/**
 * A CSV scanner (RFC 4180: comma, double-quote quoting, `""` inside quotes) that hands
 * each record to a callback in one reused array: no per-row objects, so a million-row
 * file costs only the field strings the caller keeps. It reads exactly as ingest's
 * csv-parse options do (bench/csv-parsers.ts measures both; test/ingest/columnar-read.test.ts
 * compares them): the record delimiter is the first line break's kind (LF, CRLF or CR),
 * empty lines are skipped, every record must have the header's field count, a quote
 * inside an unquoted value or anything but a comma or line break after a closing quote is
 * refused, and each record is named by the file line it ends on.
 */
import { RuleError } from '../rules/errors.js';

/** Receives record `fields[0..count)`; `line` is the file line the record ends on. The array is reused. */
export type RecordHandler = (fields: string[], count: number, line: number) => void;

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Raised when a record would be longer than allowed; the caller turns it into its limit message. */
export class RecordTooLong extends Error {
  constructor(readonly line: number) {
    super(`a record is over the size limit at line ${line}`);
  }
}

export class CsvScanner {
  private carry = '';
  private line = 1;
  /** 0 not yet seen, else the record delimiter: LF, CRLF or CR. */
  private eol: 0 | 'lf' | 'crlf' | 'cr' = 0;
  private width = -1;
  private readonly fields: string[] = [];

  constructor(
    private readonly onRecord: RecordHandler,
    private readonly file: string,
    private readonly maxRecordChars: number,
  ) {}

  /** Scans the next piece of text; a record cut by the piece's end waits for the next. */
  push(text: string): void {
    const s = this.carry.length > 0 ? this.carry + text : text;
    const rest = this.scan(s, false);
    this.carry = rest < s.length ? s.slice(rest) : '';
    if (this.carry.length > this.maxRecordChars) throw new RecordTooLong(this.line + countBreaks(this.carry));
  }

  /** Scans what is left at the end of the file. */
  end(): void {
    const s = this.carry;
    this.carry = '';
    this.scan(s, true);
  }

  /** Scans `s` from the start; returns where the first unfinished record starts (`s.length` when none). */
  private scan(s: string, final: boolean): number {
    const n = s.length;
    const fields = this.fields;
    let i = 0;
    let recordStart = 0;
    let count = 0;
    let line = this.line;
    for (;;) {
      // At the start of a field.
      if (i >= n) {
        if (!final) return recordStart;
        if (count === 0 && i === recordStart) break;
        fields[count++] = ''; // the file ends right after a comma
        this.emit(count, line, recordStart, i);
        break;
      }
      let c = s.charCodeAt(i);
      if (count === 0 && i === recordStart && (c === LF || c === CR)) {
        // An empty line: skipped, but it counts.
        const eol = this.breakAt(s, i, final);
        if (eol < 0) return recordStart;
        if (eol > 0) {
          line += 1;
          i += eol;
          recordStart = i;
          this.line = line;
          continue;
        }
      }
      if (c === QUOTE) {
        let value = '';
        let from = i + 1;
        let end: number;
        for (;;) {
          const q = s.indexOf('"', from);
          if (q < 0) {
            if (!final) return recordStart;
            throw new RuleError('bad_file', 'a quoted value is never closed', { file: this.file, line: line + unclosedBreaks(s, i) });
          }
          if (q + 1 >= n && !final) return recordStart;
          if (s.charCodeAt(q + 1) === QUOTE) {
            value += s.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += s.slice(from, q);
          end = q + 1;
          break;
        }
        line += countBreaks(s.slice(i, end));
        fields[count++] = value;
        i = end;
        if (i >= n) {
          this.emit(count, line, recordStart, i);
          break;
        }
        c = s.charCodeAt(i);
        if (c === COMMA) {
          i += 1;
          continue;
        }
        const eol = c === LF || c === CR ? this.breakAt(s, i, final) : 0;
        if (eol < 0) return recordStart;
        if (eol === 0)
          throw new RuleError(
            'bad_file',
            `got "${s[i]}" at line ${line} instead of delimiter, record delimiter, trimable character (if activated) or comment`,
            { file: this.file, line },
          );
        this.emit(count, line, recordStart, i);
        count = 0;
        line += 1;
        i += eol;
        recordStart = i;
        continue;
      }
      // An unquoted value runs to the next comma or record delimiter.
      let j = i;
      let eol = 0;
      for (; j < n; j++) {
        c = s.charCodeAt(j);
        if (c === COMMA) break;
        if (c === LF || c === CR) {
          eol = this.breakAt(s, j, final);
          if (eol !== 0) break;
          line += 1; // a line break that is data here still counts as a line
        } else if (c === QUOTE)
          throw new RuleError('bad_file', `a quote is found on field ${count} at line ${line}, value is ${JSON.stringify(s.slice(i, j))}`, {
            file: this.file,
            line,
          });
      }
      if (eol < 0 || (j >= n && !final)) return recordStart;
      fields[count++] = s.slice(i, j);
      if (j >= n) {
        this.emit(count, line, recordStart, j);
        break;
      }
      if (eol === 0) {
        i = j + 1; // a comma
        continue;
      }
      this.emit(count, line, recordStart, j);
      count = 0;
      line += 1;
      i = j + eol;
      recordStart = i;
    }
    return n;
  }

  /** The length of the record delimiter at `i` (0: the character is data), or -1 when the text ends too soon to tell. */
  private breakAt(s: string, i: number, final: boolean): number {
    const c = s.charCodeAt(i);
    if (this.eol === 0) {
      if (c === LF) this.eol = 'lf';
      else {
        if (i + 1 >= s.length && !final) return -1;
        this.eol = s.charCodeAt(i + 1) === LF ? 'crlf' : 'cr';
      }
    }
    if (this.eol === 'lf') return c === LF ? 1 : 0;
    if (this.eol === 'cr') return c === CR ? 1 : 0;
    if (c !== CR) return 0;
    if (i + 1 >= s.length) return final ? 0 : -1;
    return s.charCodeAt(i + 1) === LF ? 2 : 0;
  }

  private emit(count: number, line: number, start: number, end: number): void {
    if (end - start > this.maxRecordChars) throw new RecordTooLong(line);
    if (this.width < 0) this.width = count;
    else if (count !== this.width)
      throw new RuleError('bad_file', `this row has ${count} fields, the header has a different number`, { file: this.file, line });
    if (this.fields.length !== count) this.fields.length = count;
    this.onRecord(this.fields, count, line);
    this.line = line + 1;
  }
}

/**
 * Line breaks inside `text`, counted as csv-parse counts them (so both readers name the
 * same lines): every CR and every LF that is data is a line of its own.
 */
function countBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) n += 1;
  }
  return n;
}

/** Lines an unclosed quote runs over before the file ends (a final line break is not counted). */
function unclosedBreaks(s: string, from: number): number {
  const last = s.charCodeAt(s.length - 1);
  return countBreaks(s.slice(from, last === LF || last === CR ? -1 : undefined));
}
