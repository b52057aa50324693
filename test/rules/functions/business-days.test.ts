import { describe, expect, it } from 'vitest';
import { nyseHolidays, serialOf } from '../../../rules/calendars/nyse.js';
import { createEngine } from '../../../rules/hf.js';

const iso = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);

function evaluate(formulas: string[], holidays: (string | number)[] = []) {
  const hf = createEngine();
  const list = hf.getSheetId(hf.addSheet('Holidays'))!;
  const sheet = hf.getSheetId(hf.addSheet('S'))!;
  hf.setCellContents(
    { sheet: list, row: 0, col: 0 },
    holidays.map((h) => [h]),
  );
  hf.setCellContents({ sheet, row: 0, col: 0 }, [formulas]);
  const values = hf.getSheetValues(sheet)[0];
  hf.destroy();
  return values.map((v) => (typeof v === 'object' && v !== null && 'value' in v ? (v as { value: string }).value : v));
}

describe('NYSE calendar', () => {
  it.each([
    [
      2024,
      [
        '2024-01-01',
        '2024-01-15',
        '2024-02-19',
        '2024-03-29',
        '2024-05-27',
        '2024-06-19',
        '2024-07-04',
        '2024-09-02',
        '2024-11-28',
        '2024-12-25',
      ],
    ],
    [
      2025,
      [
        '2025-01-01',
        '2025-01-09', // day of mourning for President Carter, a special closure
        '2025-01-20',
        '2025-02-17',
        '2025-04-18',
        '2025-05-26',
        '2025-06-19',
        '2025-07-04',
        '2025-09-01',
        '2025-11-27',
        '2025-12-25',
      ],
    ],
    [
      2026,
      [
        '2026-01-01',
        '2026-01-19',
        '2026-02-16',
        '2026-04-03',
        '2026-05-25',
        '2026-06-19',
        '2026-07-03',
        '2026-09-07',
        '2026-11-26',
        '2026-12-25',
      ],
    ],
    [2022, ['2022-01-17', '2022-02-21', '2022-04-15', '2022-05-30', '2022-06-20', '2022-07-04', '2022-09-05', '2022-11-24', '2022-12-26']],
  ])('%i matches the published schedule', (year, expected) => {
    expect(nyseHolidays(year).map(iso)).toEqual(expected);
  });

  it('has no Juneteenth before 2022 and no MLK day before 1998', () => {
    expect(nyseHolidays(2021).map(iso)).not.toContain('2021-06-18');
    expect(
      nyseHolidays(1997)
        .map(iso)
        .some((d) => d.startsWith('1997-01-2')),
    ).toBe(false);
  });
});

describe('BDAYS and NYSEHOLIDAY', () => {
  it('counts business days in (start, end], signed', () => {
    expect(
      evaluate([
        '=BDAYS(DATE(2026,11,20),DATE(2026,11,23))', // Fri -> Mon
        '=BDAYS(DATE(2026,11,16),DATE(2026,11,16))',
        '=BDAYS(DATE(2026,11,23),DATE(2026,11,20))',
        '=BDAYS(DATE(2026,11,16),DATE(2026,11,30))',
        '=BDAYS(DATE(2026,11,21),DATE(2026,11,22))', // Sat -> Sun
      ]),
    ).toEqual([1, 0, -1, 10, 0]);
  });

  it('skips holidays from a range or the built-in NYSE calendar', () => {
    expect(
      evaluate(
        [
          '=BDAYS(DATE(2026,11,25),DATE(2026,11,27),Holidays!A1:A3)',
          '=BDAYS(DATE(2026,11,25),DATE(2026,11,27),"nyse")',
          '=BDAYS(DATE(2026,11,25),DATE(2026,11,27))',
        ],
        [serialOf(2026, 11, 26), serialOf(2026, 12, 25)],
      ),
    ).toEqual([1, 1, 2]);
    expect(evaluate(['=NYSEHOLIDAY(DATE(2026,7,3))', '=NYSEHOLIDAY(DATE(2026,7,6))'])).toEqual([true, false]);
    // Outside 1990–2100 NYSE's rules would be a guess; a blank date is serial 0.
    expect(
      evaluate(['=NYSEHOLIDAY(DATE(1990,1,1))', '=NYSEHOLIDAY(DATE(1989,12,25))', '=NYSEHOLIDAY(DATE(2101,1,1))', '=NYSEHOLIDAY(Z99)']),
    ).toEqual([true, '#NUM!', '#NUM!', '#NUM!']);
  });

  it('answers bad arguments with Excel error values', () => {
    expect(evaluate(['=BDAYS(1,2,"LSE")', '=BDAYS("x",2)', '=BDAYS(1)', '=BDAYS(1,10,Holidays!A1:A2)'], [1, '=1/0'])).toEqual([
      '#VALUE!',
      '#VALUE!',
      '#N/A',
      '#DIV/0!',
    ]);
  });
});

describe('BDAYS at the ends of the NYSE calendar', () => {
  it('refuses a date outside 1990–2100 with NYSE, and counts plain weekdays without it', () => {
    // 1989-12-29 is a Friday; (Fri, Wed 1990-01-03] holds Mon 1 (New Year's Day), Tue 2, Wed 3.
    expect(
      evaluate(
        [
          '=BDAYS(DATE(1989,12,29),DATE(1990,1,3))',
          '=BDAYS(DATE(1990,1,1),DATE(1990,1,3),"NYSE")',
          '=BDAYS(DATE(1989,12,29),DATE(1990,1,3),"NYSE")',
          '=BDAYS(DATE(2100,12,30),DATE(2101,1,3),"NYSE")',
          '=BDAYS(Z99,DATE(2026,12,2),"NYSE")', // a blank start: serial 0, not a count from 1900
          '=BDAYS(DATE(1989,12,29),DATE(1990,1,3),Holidays!A1:A2)', // a list of its own covers every day
          '=BDAYS(DATE(1989,12,29),DATE(1990,1,3),Holidays!A1:A3)', // with NYSE in it, it does not
        ],
        [32874, 32875, 'NYSE'],
      ),
    ).toEqual([3, 2, '#NUM!', '#NUM!', '#NUM!', 1, '#NUM!']);
  });
});

describe('businessDaysBetween counts instead of walking', () => {
  it('agrees with a day-by-day walk over random ranges, with NYSE, a holiday list, and both', async () => {
    const { businessDaysBetween } = await import('../../../rules/functions/business-days.js');
    const { weekdayOf } = await import('../../../rules/calendars/nyse.js');
    const { holidayListCalendar, NYSE } = await import('../../../rules/calendars/trading-calendar.js');
    // A Saturday (46004), a day NYSE closes too (46021, 2026-01-01), one listed twice.
    const list = [46000, 46001, 46004, 46005, 46010, 46010, 46021];
    const calendars = [NYSE, holidayListCalendar(list, false), holidayListCalendar(list, true)];
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    // Short ranges near the list, and long ones across centuries (the running totals by year).
    const ranges = [
      ...Array.from({ length: 400 }, () => [45000 + Math.floor(random() * 2000), 120] as const),
      ...Array.from({ length: 12 }, () => [1 + Math.floor(random() * 2_900_000), 120_000] as const),
    ];
    for (const [start, spread] of ranges) {
      const end = Math.max(1, start + Math.floor(random() * spread) - spread / 2);
      for (const holidays of calendars) {
        const [from, to] = start < end ? [start, end] : [end, start];
        let walked = 0;
        for (let d = from + 1; d <= to; d++) if (weekdayOf(d) % 6 !== 0 && !holidays.has(d)) walked += 1;
        expect(businessDaysBetween(start, end, holidays), `${start} to ${end}, ${holidays.label}`).toBe(start <= end ? walked : -walked);
      }
    }
  });
});
