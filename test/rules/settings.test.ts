import { describe, expect, it } from 'vitest';
import { RuleError } from '../../rules/errors.js';
import { readSettings } from '../../rules/settings.js';
import { settings, workbook } from '../helpers/workbooks.js';

const recon = { Type: 'Reconciliation', Left: 'fo', Right: 'broker', 'Match 1': 'id = ref' };

function read(values: Record<string, string | number | boolean | null>) {
  return readSettings(workbook({ Settings: settings(values) }));
}

function errorOf(fn: () => unknown): RuleError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RuleError) return error;
    throw error;
  }
  throw new Error('expected a RuleError');
}

describe('Settings sheet', () => {
  it('reads every setting of a reconciliation, names case-insensitively', () => {
    const s = read({
      TYPE: 'reconciliation',
      left: 'fo',
      Right: 'broker',
      'match 1': 'left.account = acct, symbol = right.sym',
      'MATCH 2': 'id = ref',
      'Aggregate Left': 'qty: SUM, price: WAVG(qty), fee: MAX, first_seen: MIN, n: COUNT, venue: FIRST, px: AVG',
      'Aggregate Right': 'quantity: sum',
      'Exception column': 'Break',
      'Param Tolerance': 0.01,
      'Param AsOf': '2026-11-20',
      'Age from': 'trade_date',
    });
    expect(s.type).toBe('Reconciliation');
    expect(s.left).toBe('fo');
    expect(s.right).toBe('broker');
    expect(s.passes).toEqual([
      {
        pass: 1,
        keys: [
          { left: 'account', right: 'acct' },
          { left: 'symbol', right: 'sym' },
        ],
        row: 4,
      },
      { pass: 2, keys: [{ left: 'id', right: 'ref' }], row: 5 },
    ]);
    expect(s.aggregateLeft.map((a) => `${a.field}:${a.fn}${a.weight ? `(${a.weight})` : ''}`)).toEqual([
      'qty:SUM',
      'price:WAVG(qty)',
      'fee:MAX',
      'first_seen:MIN',
      'n:COUNT',
      'venue:FIRST',
      'px:AVG',
    ]);
    expect(s.aggregateRight).toEqual([{ field: 'quantity', fn: 'SUM' }]);
    expect(s.exceptionColumn).toBe('Break');
    expect(s.params).toEqual({ Tolerance: 0.01, AsOf: '2026-11-20' });
    expect(s.ageFrom).toBe('trade_date');
  });

  it('skips blank rows and defaults the exception column', () => {
    const s = readSettings(
      workbook({
        Settings: [
          ['Type', 'Check'],
          [null, null],
          ['', 'x'],
          ['Data', 'blotter'],
          ['Key', 'exec_id, account'],
        ],
      }),
    );
    expect(s).toMatchObject({ type: 'Check', data: 'blotter', exceptionColumn: 'Exception', key: ['exec_id', 'account'] });
  });

  it.each([
    [{ ...recon, Tolerence: 0.1 }, 'unknown_setting', 'A5', /unknown setting "Tolerence"/],
    [{ ...recon, Type: 'Reconcile' }, 'bad_setting', 'B1', /not a type/],
    [{ ...recon, 'Match 1': 'id' }, 'bad_setting', 'B4', /not "left_field = right_field"/],
    [{ ...recon, 'Aggregate Left': 'qty: TOTAL' }, 'bad_setting', 'B5', /"TOTAL" is not an aggregate/],
    [{ ...recon, 'Aggregate Left': 'price: WAVG' }, 'bad_setting', 'B5', /WAVG needs a weight field/],
    [{ ...recon, 'Aggregate Left': 'qty SUM' }, 'bad_setting', 'B5', /not "field: FUNCTION"/],
    [{ ...recon, 'Match 3': 'a = b' }, 'bad_setting', 'B5', /expected "Match 2"/],
    [{ ...recon, Left: null }, 'bad_setting', 'B2', /needs a value/],
    [{ ...recon, Left: '=A1' }, 'bad_setting', 'B2', /not a formula/],
    [{ ...recon, 'Param 1x': 5 }, 'bad_setting', 'B5', /not a valid parameter name/],
    [{ Type: 'Check', Data: 'd', Left: 'x' }, 'bad_setting', 'B3', /only applies to a Reconciliation/],
  ])('rejects %j with %s at %s', (values, code, cell, message) => {
    const error = errorOf(() => read(values as Record<string, string>));
    expect(error.code).toBe(code);
    expect(error.place.sheet).toBe('Settings');
    expect(error.place.cell).toBe(cell);
    expect(error.message).toMatch(message);
  });

  it('requires the settings a type needs', () => {
    expect(errorOf(() => read({ Type: 'Reconciliation', Left: 'a', Right: 'b' })).message).toMatch(/at least "Match 1"/);
    expect(errorOf(() => read({ Type: 'Check' })).message).toMatch(/needs a "Data" setting/);
    expect(errorOf(() => read({ Left: 'a' })).message).toMatch(/no "Type" row/);
    expect(errorOf(() => readSettings(workbook({ Rows: [] }))).code).toBe('missing_sheet');
  });

  it('rejects a setting given twice, naming both rows', () => {
    const error = errorOf(() =>
      readSettings(
        workbook({
          Settings: [
            ['Type', 'Check'],
            ['Data', 'a'],
            ['data', 'b'],
          ],
        }),
      ),
    );
    expect(error.message).toMatch(/rows 2 and 3/);
    expect(error.place.cell).toBe('A3');
  });
});
