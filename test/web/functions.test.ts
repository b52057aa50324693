import { describe, expect, it } from 'vitest';
import { functionList, typedFunctionPrefix } from '../../web/src/lib/functions.js';

describe('formula-bar completion', () => {
  it("offers Excel's names, Tickmark's additions included, and hides the engine's internal ones", () => {
    const names = functionList().map((f) => f.name);
    for (const name of ['OFFSET', 'LET', 'LINEST', 'TREND', 'VLOOKUP', 'YEARFRAC', 'BDAYS', 'TEXTAFTER']) expect(names).toContain(name);
    expect(names).not.toContain('XLOFFSET');
    expect(names).not.toContain('LET.BOUND');
    expect(names.filter((n) => n === 'OFFSET')).toHaveLength(1);
    expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(names);
    expect(functionList().find((f) => f.name === 'OFFSET')?.signature).toBe('OFFSET(any, any, any, any?, any?)');
  });

  it('finds the function name being typed', () => {
    expect(typedFunctionPrefix('=SUM(OFF')).toBe('OFF');
    expect(typedFunctionPrefix('plain text')).toBeNull();
  });
});
