import { describe, expect, it } from 'vitest';
import { gridKeyAction, type EditMode } from '../../web/src/lib/grid-keys.js';

/** A chord written as Excel's docs write it: `Ctrl+Shift+ArrowDown`. */
function key(chord: string, mode: EditMode = 'ready') {
  const parts = chord.split('+');
  const name = parts.pop()!;
  return gridKeyAction({ key: name, ctrl: parts.includes('Ctrl'), shift: parts.includes('Shift'), alt: parts.includes('Alt') }, mode);
}

describe("Excel's keys in the grid", () => {
  it('move, jump and extend in ready mode', () => {
    expect(key('ArrowDown')).toEqual({ type: 'move', dr: 1, dc: 0, extend: false });
    expect(key('Shift+ArrowLeft')).toEqual({ type: 'move', dr: 0, dc: -1, extend: true });
    expect(key('Ctrl+ArrowRight')).toEqual({ type: 'jump', dr: 0, dc: 1, extend: false });
    expect(key('Ctrl+Shift+ArrowUp')).toEqual({ type: 'jump', dr: -1, dc: 0, extend: true });
    expect(key('Ctrl+Home')).toEqual({ type: 'first', extend: false });
    expect(key('Ctrl+End')).toEqual({ type: 'last', extend: false });
    expect(key('Ctrl+Shift+End')).toEqual({ type: 'last', extend: true });
    expect(key('Home')).toEqual({ type: 'home', extend: false });
    expect(key('PageDown')).toEqual({ type: 'page', dr: 1, extend: false });
  });

  it('Enter and Tab move in ready mode and commit while editing, in every mode alike', () => {
    for (const mode of ['ready', 'enter', 'edit'] as const) {
      expect(key('Enter', mode)).toEqual({ type: 'commit', dr: 1, dc: 0 });
      expect(key('Shift+Enter', mode)).toEqual({ type: 'commit', dr: -1, dc: 0 });
      expect(key('Ctrl+Enter', mode)).toEqual({ type: 'commit', dr: 0, dc: 0 });
      expect(key('Tab', mode)).toEqual({ type: 'commit', dr: 0, dc: 1, tab: true });
      expect(key('Shift+Tab', mode)).toEqual({ type: 'commit', dr: 0, dc: -1, tab: true });
      expect(key('Escape', mode)).toEqual({ type: 'cancel' });
    }
  });

  it('arrows commit an edit started by typing, and move the caret in one started with F2', () => {
    expect(key('ArrowRight', 'enter')).toEqual({ type: 'commit', dr: 0, dc: 1 });
    expect(key('ArrowUp', 'enter')).toEqual({ type: 'commit', dr: -1, dc: 0 });
    expect(key('ArrowRight', 'edit')).toBeNull();
    expect(key('Home', 'edit')).toBeNull();
    // Shortcuts of the text being edited are the editor's, not the grid's.
    for (const chord of ['Ctrl+c', 'Ctrl+v', 'Ctrl+z', 'Ctrl+a', 'Delete', 'Backspace', 'a', 'Ctrl+ArrowLeft'])
      expect(key(chord, 'edit'), chord).toBeNull();
    expect(key('F4', 'enter')).toEqual({ type: 'absolute' });
    expect(key('F4', 'edit')).toEqual({ type: 'absolute' });
  });

  it('edit, clear, clipboard, fill and undo keys in ready mode', () => {
    expect(key('F2')).toEqual({ type: 'edit' });
    expect(key('Delete')).toEqual({ type: 'clear' });
    expect(key('Backspace')).toEqual({ type: 'edit-empty' });
    expect(key('Ctrl+a')).toEqual({ type: 'select-all' });
    expect(key('Ctrl+c')).toEqual({ type: 'copy' });
    expect(key('Ctrl+x')).toEqual({ type: 'cut' });
    expect(key('Ctrl+v')).toEqual({ type: 'paste' });
    expect(key('Ctrl+d')).toEqual({ type: 'fill-down' });
    expect(key('Ctrl+r')).toEqual({ type: 'fill-right' });
    expect(key('Ctrl+z')).toEqual({ type: 'undo' });
    expect(key('Ctrl+y')).toEqual({ type: 'redo' });
    expect(key('Ctrl+Shift+Z')).toEqual({ type: 'redo' });
    // Caps Lock on: the key is upper case, the shortcut the same.
    expect(key('Ctrl+C')).toEqual({ type: 'copy' });
  });

  it("leaves characters to the editor and the browser's own shortcuts alone", () => {
    for (const chord of ['a', '=', 'Shift+A', '1', ' ', 'Ctrl+s', 'Ctrl+f', 'F5', 'Alt+ArrowDown', 'Ctrl+Shift+v'])
      expect(key(chord), chord).toBeNull();
  });
});
