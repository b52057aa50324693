import { CellValueDetailedType, DetailedCellError } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { loadEngineWorkbook } from '../../rules/engine-workbook.js';
import { runRuleSheet } from '../../rules/run.js';
import type { CellInput } from '../../rules/workbook.js';
import { asRecord, dataset, memorySink, settings, workbook } from '../helpers/workbooks.js';

const EPOCH = Date.UTC(1899, 11, 30);
const iso = (serial: number) => new Date(EPOCH + serial * 86_400_000).toISOString().slice(0, 10);

/**
 * Each formula's value in a real workbook (sheet S, with a `Holidays` sheet): dates as ISO
 * text when the engine types the cell as a date, times as `time:HH:MM`, errors as `#CODE message`.
 */
function evaluate(formulas: string[], holidays: CellInput[][] = []): unknown[] {
  const hf = loadEngineWorkbook({
    sheets: [
      { name: 'Holidays', cells: holidays },
      { name: 'S', cells: [formulas] },
    ],
    names: [],
  });
  try {
    return formulas.map((_, col) => {
      const address = { sheet: 1, row: 0, col };
      const value = hf.getCellValue(address);
      if (value instanceof DetailedCellError) return `${value.value} ${value.message}`;
      const type = hf.getCellValueDetailedType(address);
      if (type === CellValueDetailedType.NUMBER_DATE) return iso(value as number);
      if (type === CellValueDetailedType.NUMBER_TIME) {
        const minutes = Math.round((value as number) * 1440);
        return `time:${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      }
      return value;
    });
  } finally {
    hf.destroy();
  }
}
const one = (formula: string, holidays?: CellInput[][]) => evaluate([formula], holidays)[0];
const code = (value: unknown) => String(value).split(' ')[0];

describe('ISTRADINGDAY and NEXTTRADINGDAY', () => {
  it('knows sessions, holidays, special closures and weekends', () => {
    expect(
      evaluate([
        '=ISTRADINGDAY(DATE(2026,11,26))', // Thanksgiving
        '=ISTRADINGDAY(DATE(2026,11,27))', // early close, still a session
        '=ISTRADINGDAY(DATE(2026,11,28))', // Saturday
        '=ISTRADINGDAY(DATE(2025,1,9))', // day of mourning, President Carter
        '=ISTRADINGDAY(DATE(2021,12,31))', // Rule 7.2: open though January 1 2022 was a Saturday
        '=ISTRADINGDAY("2022-06-20")', // Juneteenth observed on Monday (text dates are read as dates)
      ]),
    ).toEqual([false, true, false, false, true, false]);
  });

  it('counts sessions forward, back, and from the day itself for n = 0', () => {
    expect(
      evaluate([
        '=NEXTTRADINGDAY(DATE(2026,11,25))',
        '=NEXTTRADINGDAY(DATE(2026,11,25),2)',
        '=NEXTTRADINGDAY(DATE(2026,11,30),-1)',
        '=NEXTTRADINGDAY(DATE(2026,11,27),-2)',
        '=NEXTTRADINGDAY(DATE(2026,11,25),0)',
        '=NEXTTRADINGDAY(DATE(2026,11,26),0)',
        '=NEXTTRADINGDAY(DATE(2001,9,10))', // closed 11–14 September 2001
        '=NEXTTRADINGDAY(DATE(2026,12,31))', // 2027-01-01 is New Year's Day
        '=NEXTTRADINGDAY(DATE(2026,1,2),250)',
      ]),
    ).toEqual([
      '2026-11-27',
      '2026-11-30',
      '2026-11-27',
      '2026-11-24',
      '2026-11-25',
      '2026-11-27',
      '2001-09-17',
      '2027-01-04',
      '2026-12-31',
    ]);
    // 2026 has 251 sessions (261 weekdays less 10 holidays) and January 2 is the first: the 250th after it is the last.
    expect(one('=NEXTTRADINGDAY(DATE(2026,1,1),1000000)')).toBe('#NUM! the date falls outside the NYSE calendar (1990–2100)');
  });
});

describe('MARKETCLOSE', () => {
  it('is 16:00, 13:00 on early closes, the one-off time on unscheduled ones, #N/A without a session', () => {
    expect(
      evaluate([
        '=MARKETCLOSE(DATE(2026,11,25))',
        '=MARKETCLOSE(DATE(2026,11,27))',
        '=MARKETCLOSE(DATE(2026,12,24))',
        '=MARKETCLOSE(DATE(2003,12,26))',
        '=MARKETCLOSE(DATE(2002,7,5))',
        '=MARKETCLOSE(DATE(2005,6,1))',
        '=MARKETCLOSE(DATE(2026,7,2))', // no early close before a Friday July 3 holiday
        '=MARKETCLOSE(DATE(2026,11,26))',
        '=MARKETCLOSE(DATE(2026,11,29))',
      ]).map((v) => (typeof v === 'string' && v.startsWith('#') ? code(v) : v)),
    ).toEqual(['time:16:00', 'time:13:00', 'time:13:00', 'time:13:00', 'time:13:00', 'time:15:56', 'time:16:00', '#N/A', '#N/A']);
    expect(evaluate(['=TEXT(MARKETCLOSE(DATE(2026,11,27)),"hh:mm")', '=HOUR(MARKETCLOSE(DATE(2026,11,24)))'])).toEqual(['13:00', 16]);
    expect(one('=MARKETCLOSE(DATE(2026,11,25))=TIME(16,0,0)')).toBe(true);
  });
});

describe('OPTEXPIRY and NEXTOPTEXPIRY', () => {
  it('puts the monthly expiration on the third Friday, or the session before when it is a holiday', () => {
    expect(
      evaluate([
        '=OPTEXPIRY(2026,1)',
        '=OPTEXPIRY(2025,4)', // Good Friday 2025-04-18 is the third Friday
        '=OPTEXPIRY(2014,4)', // Good Friday 2014-04-18 too
        '=OPTEXPIRY(2026,6,"monthly")', // Juneteenth 2026-06-19
        '=OPTEXPIRY(2026,11)',
      ]),
    ).toEqual(['2026-01-16', '2025-04-17', '2014-04-17', '2026-06-18', '2026-11-20']);
  });

  it('takes the last session for eom and quarterly, and refuses a quarterly expiry outside quarter ends', () => {
    expect(
      evaluate([
        '=OPTEXPIRY(2026,5,"eom")', // May 31 is a Sunday
        '=OPTEXPIRY(2021,12,"EOM")', // Friday December 31 2021 was open (Rule 7.2)
        '=OPTEXPIRY(2026,3,"quarterly")',
        '=OPTEXPIRY(2024,3,"quarterly")', // March 29 2024 was Good Friday
        '=OPTEXPIRY(2026,5,"quarterly")',
        '=OPTEXPIRY(2026,5,"weekly")',
        '=OPTEXPIRY(2026,5,"annual")',
        '=OPTEXPIRY(2026,13)',
      ]).map((v, i) => (i >= 4 ? code(v) : v)),
    ).toEqual(['2026-05-29', '2021-12-31', '2026-03-31', '2024-03-28', '#NUM!', '#VALUE!', '#VALUE!', '#NUM!']);
    expect(one('=OPTEXPIRY(2026,5,"quarterly")')).toBe(
      '#NUM! quarterly expirations fall in March, June, September and December, not month 5',
    );
  });

  it('finds the next expiration on or after a date', () => {
    expect(
      evaluate([
        '=NEXTOPTEXPIRY(DATE(2025,4,17))',
        '=NEXTOPTEXPIRY(DATE(2025,4,18))', // April's moved to the 17th: May's is next
        '=NEXTOPTEXPIRY(DATE(2026,4,1),"weekly")', // Friday April 3 is Good Friday
        '=NEXTOPTEXPIRY(DATE(2026,4,3),"weekly")',
        '=NEXTOPTEXPIRY(DATE(2026,4,4),"weekly")',
        '=NEXTOPTEXPIRY(DATE(2026,4,10),"weekly")',
        '=NEXTOPTEXPIRY(DATE(2026,1,31),"eom")', // a Saturday after January's last session
        '=NEXTOPTEXPIRY(DATE(2026,4,1),"quarterly")',
        '=NEXTOPTEXPIRY(DATE(2026,12,31),"quarterly")',
      ]),
    ).toEqual([
      '2025-04-17',
      '2025-05-16',
      '2026-04-02',
      '2026-04-10',
      '2026-04-10',
      '2026-04-10',
      '2026-02-27',
      '2026-06-30',
      '2026-12-31',
    ]);
  });
});

describe('FUTEXPIRY', () => {
  // Last trading days as CME Group and Cboe published them for these contracts (CME Group
  // product calendars for ES, NQ, YM, RTY, CL, NG, GC, ZN, ZB; Cboe's VX expiration
  // calendar), and one worked by hand from the rule where noted.
  it.each([
    ['ES', 2024, 12, '2024-12-20'],
    ['ES', 2025, 3, '2025-03-21'],
    ['NQ', 2025, 9, '2025-09-19'],
    ['YM', 2026, 3, '2026-03-20'],
    ['RTY', 2026, 6, '2026-06-18'], // by hand: the third Friday, June 19 2026, is Juneteenth
    ['CL', 2025, 1, '2024-12-19'], // December 25 is a holiday: 4 business days before
    ['CL', 2025, 2, '2025-01-21'], // January 25 2025 is a Saturday
    ['CL', 2025, 3, '2025-02-20'],
    ['CL', 2020, 5, '2020-04-21'], // the contract that settled negative on April 20 2020
    ['CL', 2024, 12, '2024-11-20'],
    ['NG', 2025, 1, '2024-12-27'],
    ['NG', 2024, 12, '2024-11-26'], // over Thanksgiving
    ['NG', 2025, 2, '2025-01-29'],
    ['GC', 2024, 12, '2024-12-27'],
    ['GC', 2025, 2, '2025-02-26'],
    ['GC', 2025, 4, '2025-04-28'],
    ['ZN', 2024, 12, '2024-12-19'],
    ['ZN', 2025, 3, '2025-03-20'],
    ['ZN', 2025, 6, '2025-06-18'], // over Juneteenth
    ['ZB', 2025, 9, '2025-09-19'],
    ['VX', 2025, 1, '2025-01-22'],
    ['VX', 2025, 3, '2025-03-18'], // April 18 2025 (Good Friday) is the third Friday: counted from Thursday
    ['VX', 2025, 4, '2025-04-16'],
    ['VX', 2024, 6, '2024-06-18'], // 30 days before July 19 is Juneteenth: the business day before
    ['VX', 2026, 5, '2026-05-19'], // by hand: June 19 2026 is Juneteenth, so from Thursday June 18
    ['VX', 2026, 12, '2026-12-16'], // by hand: 30 days before Friday 2027-01-15
  ])('%s %i-%i last trades on %s', (root, year, month, expected) => {
    expect(one(`=FUTEXPIRY("${root}",${year},${month})`)).toBe(expected);
  });

  it('reads the root in any case and refuses unknown roots and unlisted months by name', () => {
    expect(one('=FUTEXPIRY(" cl ",2025,1)')).toBe('2024-12-19');
    expect(one('=FUTEXPIRY("XYZ",2025,1)')).toBe(
      '#VALUE! unknown futures root "XYZ"; known roots: ES, NQ, YM, RTY, CL, NG, GC, ZN, ZB, VX',
    );
    expect(one('=FUTEXPIRY("ES",2025,4)')).toBe('#NUM! ES is listed for March, June, September, December, not April');
    expect(code(one('=FUTEXPIRY("ES",2025,0)'))).toBe('#NUM!');
    expect(code(one('=FUTEXPIRY("CL",1990,1)'))).toBe('#NUM!'); // its last day would fall in 1989
    expect(code(one('=FUTEXPIRY("CL",1/0,1)'))).toBe('#DIV/0!');
  });
});

describe('the calendar argument', () => {
  const list: CellInput[][] = [['Closures'], ['=DATE(2026,11,27)'], [null], ['=DATE(2026,12,31)']];
  const onTopOfNyse: CellInput[][] = [['Closures'], ['NYSE'], ['=DATE(2026,11,27)']];

  it('a holiday list on its own replaces NYSE: only its days are closed, every session ends at 16:00', () => {
    expect(
      evaluate(
        [
          '=ISTRADINGDAY(DATE(2026,11,26),Holidays!A1:A4)', // Thanksgiving is not on the list
          '=ISTRADINGDAY(DATE(2026,11,27),Holidays!A1:A4)',
          '=NEXTTRADINGDAY(DATE(2026,11,26),1,Holidays!A1:A4)',
          '=MARKETCLOSE(DATE(2026,12,24),Holidays!A1:A4)',
          '=OPTEXPIRY(2026,12,"eom",Holidays!A1:A4)',
          '=ISTRADINGDAY(DATE(1985,7,4),Holidays!A1:A4)', // a list knows no years it cannot cover
        ],
        list,
      ),
    ).toEqual([true, false, '2026-11-30', 'time:16:00', '2026-12-30', true]);
  });

  it('a holiday list with a cell "NYSE" adds its days to NYSE, early closes included', () => {
    expect(
      evaluate(
        [
          '=ISTRADINGDAY(DATE(2026,11,26),Holidays!A1:A3)',
          '=ISTRADINGDAY(DATE(2026,11,27),Holidays!A1:A3)',
          '=NEXTTRADINGDAY(DATE(2026,11,25),1,Holidays!A1:A3)',
          '=MARKETCLOSE(DATE(2026,12,24),Holidays!A1:A3)',
          '=MARKETCLOSE(DATE(2026,11,27),Holidays!A1:A3)',
          '=BDAYS(DATE(2026,11,25),DATE(2026,11,30),Holidays!A1:A3)',
        ],
        onTopOfNyse,
      ).map((v, i) => (i === 4 ? code(v) : v)),
    ).toEqual([false, false, '2026-11-30', 'time:13:00', '#N/A', 1]);
  });

  it('names what is wrong with a calendar instead of skipping it', () => {
    const bad: CellInput[][] = [['Closures'], ['=DATE(2026,11,27)'], ['27/11/2026'], ['=TRUE()'], ['=1/0']];
    expect(
      evaluate(
        [
          '=ISTRADINGDAY(DATE(2026,11,27),Holidays!A1:A3)',
          '=ISTRADINGDAY(DATE(2026,11,27),Holidays!A4:A4)',
          '=ISTRADINGDAY(DATE(2026,11,27),Holidays!A5)',
          '=ISTRADINGDAY(DATE(2026,11,27),"LSE")',
          '=BDAYS(DATE(2026,11,25),DATE(2026,11,30),Holidays!A1:A3)',
          '=ISTRADINGDAY(DATE(1989,12,29))',
          '=NEXTTRADINGDAY(DATE(2100,12,31))',
          '=ISTRADINGDAY(-1)',
        ],
        bad,
      ),
    ).toEqual([
      '#VALUE! the holiday list holds "27/11/2026", which is not a date (only its first cell may be a header)',
      '#VALUE! the holiday list holds TRUE, which is not a date',
      '#DIV/0! ',
      '#VALUE! unknown calendar "LSE"; use "NYSE" or a range of holiday dates',
      '#VALUE! the holiday list holds "27/11/2026", which is not a date (only its first cell may be a header)',
      '#NUM! the date falls outside the NYSE calendar (1990–2100)',
      '#NUM! the date falls outside the NYSE calendar (1990–2100)',
      '#NUM! dates must fall between 1900 and 9999',
    ]);
  });
});

describe('dates in results', () => {
  it('come out of a run as dates, as DATE() does, and the formulas export with _xludf.', async () => {
    const sink = memorySink();
    await runRuleSheet({
      workbook: workbook({
        Settings: settings({ Type: 'Check', Data: 'positions' }),
        Rows: [
          ['symbol', 'expires', 'next_session', 'close', 'bad_root', 'Exception'],
          [
            null,
            '=OPTEXPDATE(A2)',
            '=NEXTTRADINGDAY(B2)',
            '=MARKETCLOSE(B2)',
            '=FUTEXPIRY("BRN",2026,1)',
            '=IF(ISTRADINGDAY(B2),"","expires on a closed day")',
          ],
        ],
      }),
      datasets: {
        positions: dataset('positions', ['symbol'], [['AAPL  260918C00150000'], ['SPY   261127P00500000'], ['X     261126C00010000']]),
      },
      sink,
    });
    const records = sink.results.map((r) => asRecord(sink.headers, r));
    expect(records.map((r) => [r.expires, r.next_session])).toEqual([
      ['2026-09-18', '2026-09-21'],
      ['2026-11-27', '2026-11-30'],
      ['2026-11-26', '2026-11-27'],
    ]);
    expect(records[1].close).toBeCloseTo(13 / 24, 12);
    // A cell error reaches the results with the engine's reason, naming the root.
    expect(records[0].bad_root).toEqual({
      error: '#VALUE!',
      message: 'unknown futures root "BRN"; known roots: ES, NQ, YM, RTY, CL, NG, GC, ZN, ZB, VX',
    });
    expect(sink.results.map((r) => r.exception)).toEqual([null, null, 'expires on a closed day']);
    const { excelFormula } = await import('../../rules/formula-text.js');
    expect(excelFormula('=FUTEXPIRY("CL",2027,1)-NEXTOPTEXPIRY(A1,"weekly")')).toBe(
      '=_xludf.FUTEXPIRY("CL",2027,1)-_xludf.NEXTOPTEXPIRY(A1,"weekly")',
    );
  });
});
