import { describe, expect, it } from 'vitest';
import { runRuleSheet } from '../../rules/run.js';
import type { Dataset } from '../../rules/types.js';
import type { CellInput } from '../../rules/workbook.js';
import { asRecord, dataset, memorySink, settings, workbook } from '../helpers/workbooks.js';

const fo = dataset(
  'fo',
  ['id', 'account', 'symbol', 'qty', 'price'],
  [
    ['E1', 'A1', 'AAPL', 100, 10],
    ['E2', 'A1', 'MSFT', 200, 20],
    ['E3', 'A2', 'IBM', 300, 30],
    ['E4', 'A2', 'IBM', 50, 31],
    ['E5', 'A3', 'TSLA', 10, 5],
  ],
);
const broker = dataset(
  'broker',
  ['ref', 'account', 'symbol', 'qty', 'price'],
  [
    ['E1', 'A1', 'AAPL', 100, 10],
    ['X2', 'A1', 'MSFT', 200, 20.5],
    ['E3', 'A2', 'IBM', 290, 30],
    ['E9', 'A9', 'NFLX', 1, 1],
  ],
);

const rows: CellInput[][] = [
  ['left.id', 'right.ref', 'match', 'pass', 'left.qty', 'right.qty', 'left.price', 'right.price', 'Exception'],
  [null, null, null, null, null, null, null, null, '=IF(C2<>"matched",C2,IF(E2<>F2,"quantity",IF(ABS(G2-H2)>Tolerance,"price","")))'],
];

async function run(extraSettings: Record<string, CellInput>, datasets: Record<string, Dataset> = { fo, broker }, sheetRows = rows) {
  const sink = memorySink();
  const summary = await runRuleSheet({
    workbook: workbook({
      Settings: settings({ Type: 'Reconciliation', Left: 'fo', Right: 'broker', 'Param Tolerance': 0.01, ...extraSettings }),
      Rows: sheetRows,
    }),
    datasets,
    sink,
  });
  return { summary, sink, records: sink.results.map((r) => asRecord(sink.headers, r)) };
}

describe('reconciliation', () => {
  it('matches in passes, later passes only on rows still unmatched', async () => {
    const { summary, records } = await run({ 'Match 1': 'id = ref', 'Match 2': 'account = account, symbol = symbol, qty = qty' });
    const byId = Object.fromEntries(records.map((r) => [String(r['left.id'] ?? r['right.ref']), r]));
    expect(byId.E1).toMatchObject({ match: 'matched', pass: 1, Exception: '' });
    expect(byId.E2).toMatchObject({ match: 'matched', pass: 2, 'right.ref': 'X2', Exception: 'price' });
    expect(byId.E3).toMatchObject({ match: 'matched', pass: 1, Exception: 'quantity' });
    expect(byId.E4).toMatchObject({ match: 'left only', pass: null, 'right.ref': null, Exception: 'left only' });
    expect(byId.E5).toMatchObject({ match: 'left only', Exception: 'left only' });
    expect(byId.E9).toMatchObject({ match: 'right only', 'left.id': null, Exception: 'right only' });
    expect(summary.counts).toEqual({ rows: 6, matched: 3, left_only: 2, right_only: 1, exceptions: 5 });
    expect(summary.by_exception).toEqual({ price: 1, quantity: 1, 'left only': 2, 'right only': 1 });
  });

  it('reports duplicate keys on a side without aggregation instead of pairing by order', async () => {
    const dupes = dataset(
      'broker',
      ['ref', 'account', 'symbol', 'qty', 'price'],
      [
        ['E1', 'A1', 'AAPL', 100, 10],
        ['E1', 'A1', 'AAPL', 100, 10],
        ['E2', 'A1', 'MSFT', 200, 20],
      ],
    );
    const { summary, sink } = await run({ 'Match 1': 'id = ref' }, { fo, broker: dupes });
    const e1 = sink.results.filter((r) => r.key.includes('E1'));
    expect(e1).toHaveLength(3);
    expect(e1.every((r) => r.exception === 'duplicate right key' && r.match !== 'matched')).toBe(true);
    expect(summary.counts.matched).toBe(1);
    expect(summary.by_exception['duplicate right key']).toBe(3);
  });

  it('flags a duplicated key left unmatched even when the other side lacks it', async () => {
    const doubled = dataset(
      'fo',
      ['id', 'account', 'symbol', 'qty', 'price'],
      [
        ['E7', 'A1', 'AAPL', 1, 1],
        ['E7', 'A1', 'AAPL', 1, 1],
      ],
    );
    const { sink } = await run({ 'Match 1': 'id = ref' }, { fo: doubled, broker });
    expect(sink.results.filter((r) => r.key === 'left:E7').map((r) => r.exception)).toEqual(['duplicate left key', 'duplicate left key']);
  });

  it('folds allocations into blocks with every aggregate (N:1)', async () => {
    const fills = dataset(
      'fo',
      ['block', 'qty', 'price', 'fee', 'venue', 'time'],
      [
        ['B1', 100, 10, 1, 'X', 3],
        ['B1', 300, 14, 2, 'Y', 1],
        ['B1', 100, 12, 4, 'X', 2],
        ['B2', 50, 7, 1, 'Z', 9],
      ],
    );
    const blocks = dataset(
      'broker',
      ['block', 'qty', 'price'],
      [
        ['B1', 500, 12.8],
        ['B2', 50, 7],
      ],
    );
    const unprefixed: CellInput[][] = [
      ['left.block', 'avg_px', 'Exception'],
      [null, null, '=""'],
    ];
    const failure = await runRuleSheet({
      workbook: workbook({
        Settings: settings({ Type: 'Reconciliation', Left: 'fo', Right: 'broker', 'Match 1': 'block = block' }),
        Rows: unprefixed,
      }),
      datasets: { fo: fills, broker: blocks },
      sink: memorySink(),
    }).catch((e: Error) => e);
    // A header that is neither left.FIELD, right.FIELD nor built-in needs a formula.
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/column "avg_px"/);

    const okRows: CellInput[][] = [
      [
        'left.block',
        'left.qty',
        'left.price',
        'left.fee',
        'left.venue',
        'left.time',
        'left.count',
        'right.count',
        'left.avg_px',
        'left.n',
        'Exception',
      ],
      [null, null, null, null, null, null, null, null, null, null, '=IF(B2<>500,"qty","")'],
    ];
    const sink2 = memorySink();
    await runRuleSheet({
      workbook: workbook({
        Settings: settings({
          Type: 'Reconciliation',
          Left: 'fo',
          Right: 'broker',
          'Match 1': 'block = block',
          'Aggregate Left': 'qty: SUM, price: WAVG(qty), fee: MAX, time: MIN, avg_px: AVG, n: COUNT, venue: FIRST',
        }),
        Rows: okRows,
      }),
      datasets: {
        fo: {
          name: 'fo',
          columns: [...fills.columns, { name: 'avg_px', type: 'number' }, { name: 'n', type: 'number' }],
          rows: fills.rows.map((r) => [...r, r[2], 1]),
        },
        broker: blocks,
      },
      sink: sink2,
    });
    const [b1, b2] = sink2.results.map((r) => asRecord(sink2.headers, r));
    expect(b1).toMatchObject({
      'left.block': 'B1',
      'left.qty': 500,
      'left.fee': 4,
      'left.time': 1,
      'left.count': 3,
      'right.count': 1,
      'left.n': 3,
      'left.venue': 'X',
    });
    expect(b1['left.price']).toBeCloseTo((100 * 10 + 300 * 14 + 100 * 12) / 500, 12);
    expect(b1['left.avg_px']).toBeCloseTo(12, 12);
    expect(b1.Exception).toBe('');
    expect(b2).toMatchObject({ 'left.qty': 50, 'left.count': 1, Exception: 'qty' });
  });

  it('aggregates the right side (1:N) and folds unmatched leftovers by the first key', async () => {
    const left = dataset('fo', ['order', 'qty'], [['O1', 10]]);
    const right = dataset(
      'broker',
      ['order', 'qty', 'venue'],
      [
        ['O1', 4, 'A'],
        ['O1', 6, 'B'],
        ['O2', 1, 'A'],
        ['O2', 2, 'A'],
      ],
    );
    const sink = memorySink();
    const summary = await runRuleSheet({
      workbook: workbook({
        Settings: settings({
          Type: 'Reconciliation',
          Left: 'fo',
          Right: 'broker',
          'Match 1': 'order = order',
          'Aggregate Right': 'qty: SUM',
        }),
        Rows: [
          ['left.order', 'right.order', 'right.qty', 'right.venue', 'right.count', 'Exception'],
          [null, null, null, null, null, '=IF(A2="","missing in FO","")'],
        ],
      }),
      datasets: { fo: left, broker: right },
      sink,
    });
    const records = sink.results.map((r) => asRecord(sink.headers, r));
    expect(records[0]).toMatchObject({ 'right.qty': 10, 'right.venue': null, 'right.count': 2, Exception: '' });
    expect(records[1]).toMatchObject({
      'right.order': 'O2',
      'right.qty': 3,
      'right.venue': 'A',
      'right.count': 2,
      Exception: 'missing in FO',
    });
    expect(summary.counts).toMatchObject({ rows: 2, matched: 1, right_only: 1 });
  });

  it('matches numbers to their text form and never matches empty keys', async () => {
    const left = dataset('fo', ['id:number'], [[123], [null]]);
    const right = dataset('broker', ['id:text'], [['123'], [null]]);
    const sink = memorySink();
    const summary = await runRuleSheet({
      workbook: workbook({
        Settings: settings({ Type: 'Reconciliation', Left: 'fo', Right: 'broker', 'Match 1': 'id = id' }),
        Rows: [
          ['left.id', 'right.id', 'match', 'Exception'],
          [null, null, null, '=IF(C2="matched","","break")'],
        ],
      }),
      datasets: { fo: left, broker: right },
      sink,
    });
    expect(summary.counts).toMatchObject({ matched: 1, left_only: 1, right_only: 1 });
  });

  it('names unknown key and aggregate fields by their Settings cell', async () => {
    await expect(run({ 'Match 1': 'idx = ref' })).rejects.toMatchObject({
      code: 'unknown_field',
      place: { sheet: 'Settings', cell: 'B5' },
    });
    await expect(run({ 'Match 1': 'id = ref', 'Aggregate Left': 'qtty: SUM' })).rejects.toMatchObject({ place: { cell: 'B6' } });
    await expect(run({ 'Match 1': 'id = ref', 'Aggregate Left': 'symbol: SUM' })).rejects.toThrow(/SUM of "symbol" in "fo" needs numbers/);
  });

  it('names a Rows header that is not a field', async () => {
    const bad = [
      ['left.idd', 'Exception'],
      [null, '=""'],
    ];
    await expect(run({ 'Match 1': 'id = ref' }, { fo, broker }, bad)).rejects.toMatchObject({
      code: 'unknown_field',
      place: { sheet: 'Rows', cell: 'A1' },
    });
  });

  it('names a dataset that was not given', async () => {
    await expect(run({ 'Match 1': 'id = ref' }, { fo })).rejects.toMatchObject({ code: 'missing_dataset', place: { cell: 'B3' } });
  });

  it('requires the exception column', async () => {
    const noException = [
      ['left.id', 'Diff'],
      [null, '=1'],
    ];
    await expect(run({ 'Match 1': 'id = ref' }, { fo, broker }, noException)).rejects.toThrow(/no exception column "Exception"/);
    const renamed = [
      ['left.id', 'Break'],
      [null, '=IF(A2="E1","x","")'],
    ];
    const { summary } = await run({ 'Match 1': 'id = ref', 'Exception column': 'Break' }, { fo, broker }, renamed);
    expect(summary.by_exception).toEqual({ x: 1 });
  });
});
