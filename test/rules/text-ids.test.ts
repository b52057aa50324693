/** TextIds (rules/text-ids.ts) against a Map doing the same numbering, on texts made to collide and to grow the table. */
import { describe, expect, it } from 'vitest';
import { TextIds } from '../../rules/text-ids.js';

describe('TextIds', () => {
  it('numbers texts in first-seen order exactly as a Map would, through growth and collisions', () => {
    const ids = new TextIds(4);
    const map = new Map<string, number>();
    const texts = [
      ...Array.from({ length: 50_000 }, (_, i) => `E${i % 20_000}`),
      ...['', ' ', 'é', 'e\u0301', '\uD83D\uDE00', 'E1 ', 'e1', '123', '123.0'],
      ...Array.from({ length: 5_000 }, (_, i) => String.fromCharCode(65 + (i % 26)).repeat(1 + (i % 40))),
    ];
    for (const text of texts) {
      let expected = map.get(text);
      if (expected === undefined) map.set(text, (expected = map.size));
      expect(ids.idOf(text)).toBe(expected);
    }
    expect(ids.size).toBe(map.size);
    expect(ids.texts).toEqual([...map.keys()]);
    for (const [text, id] of map) expect(ids.find(text)).toBe(id);
    expect(ids.find('not there')).toBe(-1);
    // Different texts with the same code units in another order, and the empty text, stay apart.
    const ab = ids.idOf('ab');
    expect(ids.idOf('ba')).not.toBe(ab);
    expect(ids.find('ab')).toBe(ab);
  });
});
