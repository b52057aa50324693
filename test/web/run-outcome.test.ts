import { describe, expect, it } from 'vitest';
import { filledRows, formatCell, queueSentences } from '../../web/src/lib/run-outcome.js';

describe('run outcome display', () => {
  it('formats report cells for reading', () => {
    expect(formatCell(-1620288)).toEqual({ text: '-1,620,288', kind: 'number' });
    expect(formatCell(225.04)).toEqual({ text: '225.04', kind: 'number' });
    expect(formatCell(1 / 3).text).toBe('0.333333');
    expect(formatCell(1e-9).text).toBe('1e-9');
    expect(formatCell('2026-11-20')).toEqual({ text: '2026-11-20', kind: 'date' });
    expect(formatCell('2026-11-20T09:30:00')).toEqual({ text: '2026-11-20 09:30:00', kind: 'date' });
    expect(formatCell({ error: '#DIV/0!' })).toEqual({ text: '#DIV/0!', kind: 'error', title: 'division by zero' });
    expect(formatCell({ error: '#N/A', message: 'no match for "ZZZ"' }).title).toBe('no match for "ZZZ"');
    expect(formatCell(true).text).toBe('TRUE');
    expect(formatCell(null)).toEqual({ text: '', kind: 'empty' });
    expect(formatCell('AAPL')).toEqual({ text: 'AAPL', kind: 'text' });
  });

  it('says in words what a run did to the queue, and nothing when it did nothing', () => {
    expect(queueSentences({ opened: 1, continued: 2, reopened: 1, cleared: 3, matchedByHand: 1 })).toEqual([
      '1 new break opened',
      '2 breaks already in the queue, continued (owner, label and comments kept)',
      '1 break reopened: resolved or cleared before, but found again',
      '3 breaks cleared: not found by this run, so closed',
      '1 break kept closed: matched by hand',
    ]);
    expect(queueSentences({ opened: 0, continued: 0, reopened: 0, cleared: 0, matchedByHand: 0 })).toEqual([]);
    expect(queueSentences(null)).toEqual([]);
  });

  it('leaves trailing empty rows out', () => {
    expect(filledRows([['a'], [null, ''], [1], [null], ['', null]])).toEqual([['a'], [null, ''], [1]]);
  });
});
