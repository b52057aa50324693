import { describe, expect, it } from 'vitest';
import { cycleAbsolute } from '../../web/src/lib/formula-refs.js';

describe('F4 on a reference', () => {
  it("cycles A1, $A$1, A$1, $A1 and back, as Excel's F4 does", () => {
    const seen = [];
    let text = '=A1';
    for (let i = 0; i < 4; i++) {
      text = cycleAbsolute(text, text.length).text;
      seen.push(text);
    }
    expect(seen).toEqual(['=$A$1', '=A$1', '=$A1', '=A1']);
  });

  it('cycles the reference at the caret only, both ends of a range together, and puts the caret after it', () => {
    expect(cycleAbsolute('=A1+B2', 3)).toEqual({ text: '=$A$1+B2', caret: 5 });
    expect(cycleAbsolute('=A1+B2', 6)).toEqual({ text: '=A1+$B$2', caret: 8 });
    expect(cycleAbsolute('=SUM(B2:C10)', 8).text).toBe('=SUM($B$2:$C$10)');
    expect(cycleAbsolute('=Rows!U2', 8).text).toBe('=Rows!$U$2');
  });

  it('leaves names, functions and plain text alone', () => {
    expect(cycleAbsolute('=LOG10(2)', 6).text).toBe('=LOG10(2)');
    expect(cycleAbsolute('=A1', 0).text).toBe('=A1');
    expect(cycleAbsolute('A1', 2).text).toBe('A1');
  });
});
