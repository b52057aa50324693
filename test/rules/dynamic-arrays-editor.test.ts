/**
 * Spilled arrays in the grid editor's model (web/src/lib/sheet-model.ts, the same engine the
 * browser runs): the cells a formula spills into show its values, the formula bar shows the
 * formula only in its anchor, and `#`, `@` and LAMBDA calls typed in Excel's syntax are saved
 * as typed.
 */
import { describe, expect, it } from 'vitest';
import { SheetModel } from '../../web/src/lib/sheet-model.js';

describe('the grid editor and dynamic arrays', () => {
  it('shows spilled values and saves only the anchor formula, in Excel syntax', () => {
    const model = new SheetModel({ sheets: [{ name: 'S', cells: [['=SEQUENCE(3)']] }], names: [] });
    try {
      model.set('S', 0, 1, [['=SUM(A1#)', '=@A1:A3*10', '=LAMBDA(x,x+1)(A3)']]);
      expect([0, 1, 2].map((r) => model.cell('S', r, 0).text)).toEqual(['1', '2', '3']);
      expect([model.cell('S', 0, 1).text, model.cell('S', 0, 2).text, model.cell('S', 0, 3).text]).toEqual(['6', '10', '4']);
      expect(model.cell('S', 0, 1).raw).toBe('=SUM(A1#)');
      const saved = model.toWorkbook().sheets[0].cells;
      expect(saved[0]).toEqual(['=SEQUENCE(3)', '=SUM(A1#)', '=@A1:A3*10', '=LAMBDA(x,x+1)(A3)']);
      expect(saved.slice(1).map((row) => (row ?? []).filter((v) => v !== null))).toEqual([[], []]);
      // A value typed into the spill range blocks it: the anchor shows #SPILL!.
      model.set('S', 1, 0, [['x']]);
      expect(model.cell('S', 0, 0).text).toBe('#SPILL!');
    } finally {
      model.destroy();
    }
  });
});
