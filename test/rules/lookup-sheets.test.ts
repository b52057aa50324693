/**
 * The `Lookup` setting (docs/rule-sheets.md): a further dataset fills the sheet of its name
 * before a Check or Reconciliation evaluates, as a Report's sheets are filled; everything
 * that can go wrong with it is an error naming the setting or the cell.
 */
import { describe, expect, it } from 'vitest';
import { RuleError } from '../../rules/errors.js';
import { inputsNeeded } from '../../rules/inputs-needed.js';
import { runRuleSheet } from '../../rules/run.js';
import { readSettings } from '../../rules/settings.js';
import type { Dataset } from '../../rules/types.js';
import type { CellInput } from '../../rules/workbook.js';
import { asRecord, dataset, memorySink, settings, workbook } from '../helpers/workbooks.js';

const trades = dataset(
  'trades',
  ['id', 'symbol', 'trade_date:date', 'price'],
  [
    ['T1', 'AAA', '2026-11-19', 10.5],
    ['T2', 'BBB', '2026-11-20', 20],
    ['T3', 'CCC', '2026-11-20', 5],
  ],
);
const closes = dataset(
  'closes',
  ['symbol', 'date:date', 'close'],
  [
    ['AAA', '2026-11-19', 10],
    ['AAA', '2026-11-20', 11],
    ['BBB', '2026-11-20', 21],
  ],
);

/** A Check over trades that looks each trade's close up in the `closes` lookup sheet. */
function checkSheet(extra: Record<string, CellInput> = {}, lookupHeader: CellInput[] = ['symbol', 'date', 'close']) {
  return workbook({
    Settings: settings({ Type: 'Check', Data: 'trades', Key: 'id', Lookup: 'closes', ...extra }),
    Rows: [
      ['id', 'symbol', 'trade_date', 'price', 'close', 'Exception'],
      [
        null,
        null,
        null,
        null,
        '=SUMIFS(closes!$C:$C,closes!$A:$A,B2,closes!$B:$B,C2)',
        '=IF(E2=0,"no close",IF(ABS(D2-E2)>0.75,"off",""))',
      ],
    ],
    Summary: [['Closes in the table', '=COUNT(closes!C:C)']],
    closes: [lookupHeader],
  });
}

async function run(book: ReturnType<typeof workbook>, datasets: Record<string, Dataset>) {
  const sink = memorySink();
  const summary = await runRuleSheet({ workbook: book, datasets, sink });
  return { summary, rows: sink.results.map((r) => asRecord(sink.headers, r)) };
}

async function failure(book: ReturnType<typeof workbook>, datasets: Record<string, Dataset>): Promise<RuleError> {
  const error = await run(book, datasets).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RuleError);
  return error as RuleError;
}

describe('the Lookup setting', () => {
  it('fills the lookup sheet with the dataset given, dates as dates, for Rows and Summary alike', async () => {
    const { summary, rows } = await run(checkSheet(), { trades, closes });
    // T1: AAA on the 19th closed at 10 (0.50 away); T2: BBB 21 (1 away); T3: CCC has no close.
    expect(rows.map((r) => [r.id, r.close, r.Exception])).toEqual([
      ['T1', 10, ''],
      ['T2', 21, 'off'],
      ['T3', 0, 'no close'],
    ]);
    expect(summary.summary['Closes in the table']).toBe(3);
  });

  it('reads whatever rows the dataset given has: the closes are not baked into the workbook', async () => {
    const moved = dataset('closes', ['symbol', 'date:date', 'close'], [['CCC', '2026-11-20', 5.2]]);
    const { rows } = await run(checkSheet(), { trades, closes: moved });
    expect(rows.map((r) => r.Exception)).toEqual(['no close', 'no close', '']);
  });

  it('names the setting when its dataset is not given', async () => {
    const error = await failure(checkSheet(), { trades });
    expect(error.code).toBe('missing_dataset');
    expect(error.place).toMatchObject({ sheet: 'Settings', cell: 'B4', setting: 'Lookup' });
    expect(error.describe()).toBe('Settings!B4: setting "Lookup" names dataset "closes", which was not given (given: trades)');
  });

  it('needs the sheet it fills, and never fills a rule sheet of its own', async () => {
    const book = checkSheet();
    book.sheets = book.sheets.filter((s) => s.name !== 'closes');
    book.sheets[1].cells[1][4] = '=D2';
    const missing = await failure(book, { trades, closes });
    expect(missing.code).toBe('missing_sheet');
    expect(missing.describe()).toContain('Settings!B4: setting "Lookup" names "closes", but the workbook has no sheet "closes"');
    const reserved = await failure(checkSheet({ Lookup: 'closes, Summary' }), { trades, closes, Summary: closes });
    expect(reserved.describe()).toContain('"Summary" is a rule sheet\'s own sheet');
  });

  it("holds the dataset to the headers left in the sheet's row 1, column by column", async () => {
    const swapped = dataset('closes', ['date:date', 'symbol', 'close'], [['2026-11-20', 'AAA', 11]]);
    const moved = await failure(checkSheet(), { trades, closes: swapped });
    expect(moved.code).toBe('unknown_field');
    expect(moved.describe()).toBe(
      'closes!A1: lookup dataset "closes" has "symbol" in column B, which this sheet\'s formulas read in column A (its fields: date, symbol, close)',
    );
    const lacking = await failure(checkSheet({}, ['symbol', 'date', 'close', 'currency']), { trades, closes });
    expect(lacking.describe()).toContain('closes!D1: lookup dataset "closes" has no field "currency"');
    // A sheet with no headers takes any columns.
    const { rows } = await run(checkSheet({}, []), { trades, closes });
    expect(rows[0].close).toBe(10);
  });

  it('is for a Check or a Reconciliation: a Report fills its sheets by name already', () => {
    const report = workbook({ Settings: settings({ Type: 'Report', Lookup: 'closes' }), closes: [[]], Out: [['=1']] });
    const error = (() => {
      try {
        readSettings(report);
      } catch (e) {
        return e as RuleError;
      }
    })();
    expect(error?.describe()).toMatch(/^Settings!B2: setting "Lookup": a Report already fills every sheet named after a dataset/);
  });

  it('is an input of the run, with the fields and columns its sheet reads', () => {
    expect(inputsNeeded(checkSheet(), [])).toEqual([
      { name: 'trades', role: 'Data', fields: ['id', 'symbol', 'trade_date', 'price'] },
      { name: 'closes', role: 'Lookup', fields: ['symbol', 'date', 'close'], columns: [0, 1, 2] },
    ]);
    // A lookup of the Data dataset itself is one input, not two.
    const self = checkSheet({ Lookup: 'trades' });
    expect(inputsNeeded(self, []).map((n) => n.role)).toEqual(['Data']);
  });
});
