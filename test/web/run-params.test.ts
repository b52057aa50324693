/** The run dialog's parameters (web/src/lib/run-params.ts) read from the demo expiration sheet's real .xlsx. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbookXlsx } from '../../rules/xlsx/read-workbook.js';
import { declaredParams, paramOverrides } from '../../web/src/lib/run-params.js';
import { settings, workbook } from '../helpers/workbooks.js';

const expiration = readWorkbookXlsx(new Uint8Array(readFileSync(join(process.cwd(), 'examples', 'sheets', 'expiration.xlsx')))).workbook;

describe('run parameters in the run dialog', () => {
  it('shows each Param with its default, a date cell as a date', () => {
    expect(declaredParams(expiration)).toEqual([
      { name: 'ExpirationDate', kind: 'date', initial: '2026-11-20' },
      { name: 'PinBand', kind: 'number', initial: '0.5' },
      { name: 'ExerciseThreshold', kind: 'number', initial: '0.01' },
    ]);
    const typed = workbook({
      Settings: settings({ Type: 'Check', Data: 'd', 'Param Desk': 'EQ', 'Param Strict': true, 'Param AsOf': '2026-11-20' }),
    });
    expect(declaredParams(typed).map((p) => [p.name, p.kind, p.initial])).toEqual([
      ['Desk', 'text', 'EQ'],
      ['Strict', 'boolean', 'TRUE'],
      ['AsOf', 'date', '2026-11-20'],
    ]);
  });

  it('sends only what differs from the default, read as its kind', () => {
    const fields = declaredParams(expiration);
    expect(paramOverrides(fields, {})).toEqual({});
    expect(paramOverrides(fields, { ExpirationDate: '2026-11-20', PinBand: ' 0.5 ' })).toEqual({});
    expect(paramOverrides(fields, { ExpirationDate: '2026-12-18', PinBand: '0.25' })).toEqual({
      ExpirationDate: '2026-12-18',
      PinBand: 0.25,
    });
  });

  it('refuses a value that is not of its kind, naming the parameter', () => {
    const fields = declaredParams(expiration);
    expect(() => paramOverrides(fields, { PinBand: 'wide' })).toThrow('parameter PinBand: "wide" is not a number');
    expect(() => paramOverrides(fields, { PinBand: '' })).toThrow('parameter PinBand: "" is not a number');
    expect(() => paramOverrides(fields, { ExpirationDate: '18/12/2026' })).toThrow(
      'parameter ExpirationDate: "18/12/2026" is not a date (YYYY-MM-DD)',
    );
  });

  it('offers nothing when the Settings cannot be read: the run says why', () => {
    expect(declaredParams(workbook({ Settings: settings({ Type: 'Sometimes' }) }))).toEqual([]);
  });
});
