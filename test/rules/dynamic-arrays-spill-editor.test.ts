/**
 * The grid editor's model (web/src/lib/sheet-model.ts) with dynamic arrays: a workbook name
 * holding a LAMBDA is callable from a typed cell, and the cell explains `#CALC!`.
 */
import { describe, expect, it } from 'vitest';
import { explain, SheetModel } from '../../web/src/lib/sheet-model.js';

describe('the editor model with LAMBDA names and #CALC!', () => {
  it('calls a named LAMBDA written in Excel words, and keeps the name as written', () => {
    const m = new SheetModel({
      sheets: [{ name: 'S', cells: [[4, null]] }],
      // Excel writes names with _xlfn./_xlpm. prefixes and upper-case exponents: both need the translation.
      names: [
        { name: 'DOUBLE', expression: '=_xlfn.LAMBDA(_xlpm.x, _xlpm.x*2)' },
        { name: 'BIG', expression: '=1E3' },
      ],
    });
    try {
      m.set('S', 0, 1, [['=DOUBLE(A1)+BIG']]);
      expect(m.cell('S', 0, 1)).toMatchObject({ text: '1008', error: null });
      expect(m.toWorkbook().names.map((n) => n.expression)).toEqual(['=_xlfn.LAMBDA(_xlpm.x, _xlpm.x*2)', '=1E3']);
    } finally {
      m.destroy();
    }
  });

  it('shows #CALC! for a LAMBDA that is not called, with an explanation', () => {
    const m = new SheetModel({ sheets: [{ name: 'S', cells: [[null]] }], names: [] });
    try {
      m.set('S', 0, 0, [['=LAMBDA(x, x+1)']]);
      expect(m.cell('S', 0, 0).error?.code).toBe('#CALC!');
      expect(explain('#CALC!')).not.toBe(explain('#NO-SUCH!'));
    } finally {
      m.destroy();
    }
  });

  it('spills again when the cell in the way is cleared, and undo puts the blocker back in one step', () => {
    const m = new SheetModel({ sheets: [{ name: 'S', cells: [[null]] }], names: [] });
    try {
      m.set('S', 0, 0, [['=SEQUENCE(3)']]);
      m.set('S', 2, 0, [['blocker']]);
      expect([m.cell('S', 0, 0).text, m.cell('S', 1, 0).text]).toEqual(['#SPILL!', '']);
      m.set('S', 2, 0, [[null]]);
      expect([0, 1, 2].map((r) => m.cell('S', r, 0).text)).toEqual(['1', '2', '3']);
      // The formula is kept as typed, and the spilled cells are not saved as content.
      expect(m.toWorkbook().sheets[0].cells.map((row) => row[0])).toEqual(['=SEQUENCE(3)', null, null]);
      expect(m.undo()).toBe(true);
      expect([m.cell('S', 0, 0).text, m.cell('S', 2, 0).text]).toEqual(['#SPILL!', 'blocker']);
    } finally {
      m.destroy();
    }
  });
});
