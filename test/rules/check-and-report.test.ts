import { describe, expect, it } from 'vitest';
import { runRuleSheet } from '../../rules/run.js';
import type { CellInput } from '../../rules/workbook.js';
import { asRecord, dataset, memorySink, settings, workbook } from '../helpers/workbooks.js';

const trades = dataset(
  'blotter',
  ['exec_id', 'symbol', 'qty', 'price', 'trade_date:date', 'flagged:boolean', 'account'],
  [
    ['T1', 'AAPL', 100, 190, '2026-11-16', false, '00123'],
    ['T2', 'GME', 50, 20, '2026-11-17', false, '00123'],
    ['T3', 'MSFT', 20000, 400, '2026-11-18', true, '00456'],
    ['T4', 'AAPL', null, 185, null, null, null],
  ],
);

const limits: CellInput[][] = [
  ['Limit', 'Value'],
  ['Max quantity', 10000],
];
const restricted: CellInput[][] = [['Symbol'], ['GME'], ['AMC']];

describe('check runs', () => {
  it('fills every data row, shifting relative references and keeping absolute ones', async () => {
    const sink = memorySink();
    const summary = await runRuleSheet({
      workbook: workbook({
        Settings: settings({ Type: 'Check', Data: 'blotter', Key: 'exec_id' }),
        Rows: [
          [
            'exec_id',
            'symbol',
            'qty',
            'price',
            'trade_date',
            'flagged',
            'account',
            'notional',
            'restricted',
            'limit_abs',
            'limit_mixed',
            'day',
            'typeinfo',
            'Exception',
          ],
          [
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            '=C2*D2',
            '=COUNTIF(Restricted!$A$2:$A$10,B2)>0',
            '=C2>Limits!$B$2',
            '=C2>Limits!B$2',
            '=WEEKDAY(E2,2)',
            '=ISTEXT(G2)&"/"&ISLOGICAL(F2)&"/"&ISBLANK(C2)',
            '=IF(I2,"restricted",IF(J2,"size",""))',
          ],
          ['sample rows below row 2 are ignored'],
        ],
        Restricted: restricted,
        Limits: limits,
      }),
      datasets: { blotter: trades },
      sink,
    });
    const records = sink.results.map((r) => asRecord(sink.headers, r));
    expect(records.map((r) => r.notional)).toEqual([19000, 1000, 8000000, 0]);
    expect(records.map((r) => r.restricted)).toEqual([false, true, false, false]);
    expect(records.map((r) => r.limit_abs)).toEqual([false, false, true, false]);
    expect(records.map((r) => r.limit_mixed)).toEqual([false, false, true, false]);
    expect(records[0].day).toBe(1); // 2026-11-16 is a Monday: the date reached the formula as a date
    expect(records[0].typeinfo).toBe('TRUE/TRUE/FALSE'); // "00123" stays text, booleans are booleans
    expect(records[3].typeinfo).toBe('FALSE/FALSE/TRUE'); // missing values are empty cells
    expect(records[0].trade_date).toBe('2026-11-16');
    expect(records[0].account).toBe('00123');
    expect(sink.results.map((r) => r.exception)).toEqual([null, 'restricted', 'size', null]);
    expect(sink.results.map((r) => r.key)).toEqual(['T1', 'T2', 'T3', 'T4']);
    expect(summary).toEqual({ type: 'Check', counts: { rows: 4, exceptions: 2 }, by_exception: { restricted: 1, size: 1 }, summary: {} });
  });

  it('reads Param defaults as named expressions and takes run overrides', async () => {
    const sheet = workbook({
      Settings: settings({ Type: 'Check', Data: 'blotter', 'Param MaxQty': 1000, 'Param Desk': 'EQ', 'Param AsOf': '2026-11-17' }),
      Rows: [
        ['qty', 'trade_date', 'Exception'],
        [null, null, '=IF(A2>MaxQty,Desk&" size","")&IF(B2>AsOf," late","")'],
      ],
    });
    const run = async (params?: Record<string, number | string>) => {
      const sink = memorySink();
      await runRuleSheet({ workbook: sheet, datasets: { blotter: trades }, params, sink });
      return sink.results.map((r) => r.exception);
    };
    expect(await run()).toEqual([null, null, 'EQ size late', null]);
    expect(await run({ maxqty: 75, Desk: 'FI' })).toEqual(['FI size', null, 'FI size late', null]);
    await expect(run({ Nope: 1 })).rejects.toMatchObject({
      code: 'bad_parameter',
      message: expect.stringMatching(/declares: MaxQty, Desk, AsOf/),
    });
  });

  it('evaluates the Summary sheet over whole Rows columns after every row', async () => {
    const sink = memorySink();
    const summary = await runRuleSheet({
      workbook: workbook({
        Settings: settings({ Type: 'Check', Data: 'blotter' }),
        Rows: [
          ['qty', 'price', 'trade_date', 'notional', 'Exception'],
          [null, null, null, '=A2*B2', '=IF(A2>1000,"size","")'],
        ],
        Summary: [
          ['Size breaks', '=COUNTIF(Rows!E:E,"size")'],
          ['Total notional', '=SUM(Rows!D:D)'],
          ['Last trade', '=MAX(Rows!C2:C100)'],
          [null, '=1'],
          ['Broken', '=1/0'],
        ],
      }),
      datasets: { blotter: trades },
      sink,
    });
    expect(summary.summary).toEqual({ 'Size breaks': 1, 'Total notional': 19000 + 1000 + 8000000, 'Last trade': 46344, Broken: '#DIV/0!' });
  });

  it('evaluates rules that read other rows in one block (running totals)', async () => {
    const many = dataset(
      'blotter',
      ['qty'],
      Array.from({ length: 4500 }, (_, i) => [i + 1]),
    );
    const sink = memorySink();
    await runRuleSheet({
      workbook: workbook({
        Settings: settings({ Type: 'Check', Data: 'blotter' }),
        Rows: [
          ['qty', 'running', 'prev', 'Exception'],
          [null, '=SUM($A$2:A2)', '=IF(ROW()=2,0,A1)', '=""'],
        ],
      }),
      datasets: { blotter: many },
      sink,
    });
    const last = asRecord(sink.headers, sink.results[4499]);
    expect(last.running).toBe((4500 * 4501) / 2);
    expect(last.prev).toBe(4499);
  });

  it('keeps formula errors as values and counts them as exceptions', async () => {
    const sink = memorySink();
    const summary = await runRuleSheet({
      workbook: workbook({
        Settings: settings({ Type: 'Check', Data: 'blotter' }),
        Rows: [
          ['qty', 'ratio', 'Exception'],
          [null, '=1/A2', '=IF(ISERROR(B2),B2,"")'],
        ],
      }),
      datasets: { blotter: trades },
      sink,
    });
    expect(sink.results[3].values[1]).toMatchObject({ error: '#DIV/0!' });
    expect(summary.by_exception).toEqual({ '#DIV/0!': 1 });
  });

  it('gives a formula that cannot be parsed #ERROR! in every row and evaluates the other columns', async () => {
    const sink = memorySink();
    const summary = await runRuleSheet({
      workbook: workbook({
        Settings: settings({ Type: 'Check', Data: 'blotter' }),
        Rows: [
          ['qty', 'broken', 'double', 'Exception'],
          [null, '=SUM(1))', '=A2*2', '=IF(A2>10000,"size","")'],
        ],
      }),
      datasets: { blotter: trades },
      sink,
    });
    const records = sink.results.map((r) => asRecord(sink.headers, r));
    expect(records.map((r) => r.broken)).toEqual(Array(4).fill(expect.objectContaining({ error: '#ERROR!' })));
    expect(records[0].broken).toMatchObject({ message: expect.stringMatching(/^Parsing error/) });
    // qty 100, 50, 20000 and missing (an empty cell times 2 is 0, as in Excel): the fine
    // columns are untouched by the broken one.
    expect(records.map((r) => r.double)).toEqual([200, 100, 40000, 0]);
    expect(summary.counts).toEqual({ rows: 4, exceptions: 1 });
    expect(summary.by_exception).toEqual({ size: 1 });
  });

  it("makes an Exception formula that cannot be parsed every row's exception, not a failed run", async () => {
    const sink = memorySink();
    const summary = await runRuleSheet({
      workbook: workbook({
        Settings: settings({ Type: 'Check', Data: 'blotter' }),
        Rows: [
          ['qty', 'Exception'],
          [null, '=IF(A2>,"x"'],
        ],
      }),
      datasets: { blotter: trades },
      sink,
    });
    expect(summary.counts).toEqual({ rows: 4, exceptions: 4 });
    expect(summary.by_exception).toEqual({ '#ERROR!': 4 });
  });

  it('leaves out a workbook defined name the engine cannot hold: formulas using it give #NAME?', async () => {
    const sink = memorySink();
    const book = workbook({
      Settings: settings({ Type: 'Check', Data: 'blotter' }),
      Rows: [
        ['qty', 'scaled', 'limit', 'Exception'],
        [null, '=A2*Scale', '=Cap', '=""'],
      ],
      Limits: [[1000, 2]],
    });
    // Excel allows a name with a relative reference; HyperFormula refuses it.
    book.names = [
      { name: 'Scale', expression: '=Limits!B1' },
      { name: 'Cap', expression: '=Limits!$A$1' },
    ];
    const summary = await runRuleSheet({ workbook: book, datasets: { blotter: trades }, sink });
    const records = sink.results.map((r) => asRecord(sink.headers, r));
    expect(records[0].scaled).toMatchObject({ error: '#NAME?' });
    expect(records[0].limit).toBe(1000);
    expect(summary.counts).toEqual({ rows: 4, exceptions: 0 });
  });

  it('stops between blocks when cancelled', async () => {
    const many = dataset(
      'blotter',
      ['qty'],
      Array.from({ length: 10_000 }, (_, i) => [i]),
    );
    const controller = new AbortController();
    const sink = memorySink();
    const run = runRuleSheet({
      workbook: workbook({
        Settings: settings({ Type: 'Check', Data: 'blotter' }),
        Rows: [
          ['qty', 'Exception'],
          [null, '=""'],
        ],
      }),
      datasets: { blotter: many },
      sink: {
        ...sink,
        rows: (batch) => {
          sink.results.push(...batch);
          controller.abort();
        },
      },
      signal: controller.signal,
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(sink.results.length).toBeLessThan(10_000);
  });
});

describe('report runs', () => {
  it('fills dataset sheets and evaluates the report sheets over them', async () => {
    const sink = memorySink();
    const summary = await runRuleSheet({
      workbook: workbook({
        Settings: settings({ Type: 'Report', 'Param Desk': 'EQ' }),
        blotter: [['placeholder']],
        'P&L': [
          ['Desk', '=Desk'],
          ['Trades', '=COUNTA(blotter!A2:A100)'],
          ['AAPL qty', '=SUMIFS(blotter!C:C,blotter!B:B,"AAPL")'],
          ['First day', '=MIN(blotter!E2:E100)'],
        ],
      }),
      datasets: { blotter: trades },
      sink,
    });
    expect(summary).toMatchObject({ type: 'Report', counts: { rows: 4, exceptions: 0 } });
    expect(sink.report['P&L']).toEqual([
      ['Desk', 'EQ'],
      ['Trades', 4],
      ['AAPL qty', 100],
      ['First day', 46342],
    ]);
    expect(Object.keys(sink.report)).toEqual(['P&L']);
  });

  it('says which datasets were given when no sheet is named after one', async () => {
    await expect(
      runRuleSheet({
        workbook: workbook({ Settings: settings({ Type: 'Report' }), Out: [['=1']] }),
        datasets: { blotter: trades },
        sink: memorySink(),
      }),
    ).rejects.toThrow(/given: blotter/);
  });
});

describe('reference shifting across blocks', () => {
  it('shifts relative references into other sheets by the real row, as Excel fill-down does', async () => {
    const n = 4200;
    const data = dataset(
      'blotter',
      ['qty'],
      Array.from({ length: n }, (_, i) => [i]),
    );
    const prices: CellInput[][] = [['px'], ...Array.from({ length: n }, (_, i) => [i * 10])];
    const sink = memorySink();
    await runRuleSheet({
      workbook: workbook({
        Settings: settings({ Type: 'Check', Data: 'blotter' }),
        Rows: [
          ['qty', 'same_row_px', 'fixed_px', 'mixed_px', 'Exception'],
          [null, '=Prices!A2', '=Prices!$A$3', '=Prices!$A3', '=IF(B2<>A2*10,"misaligned","")'],
        ],
        Prices: prices,
      }),
      datasets: { blotter: data },
      sink,
    });
    const at = (i: number) => asRecord(sink.headers, sink.results[i]);
    expect(at(0)).toMatchObject({ same_row_px: 0, fixed_px: 10, mixed_px: 10 });
    expect(at(4100)).toMatchObject({ same_row_px: 41000, fixed_px: 10, mixed_px: 41010 });
    expect(sink.results.every((r) => r.exception === null)).toBe(true);
  });
});
