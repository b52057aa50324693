/**
 * Excel's keyboard in the sheet grid, as a pure mapping from a key (with its modifiers) and
 * the editing mode to what the grid does. The grid component carries the actions out; this
 * file decides nothing else, so every key can be tested without a browser.
 *
 * Modes, as Excel names them in its status bar:
 * - `ready`: no cell is being edited; keys move, select, copy, fill and undo;
 * - `enter`: an edit started by typing over a cell; arrows commit it and move;
 * - `edit`: an edit started with F2 (or a double-click); arrows move the caret.
 */
export type EditMode = 'ready' | 'enter' | 'edit';

/** The parts of a KeyboardEvent the mapping reads (`ctrl` is Ctrl, or Cmd on a Mac). */
export interface KeyChord {
  key: string;
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
}

export type Direction = { dr: number; dc: number };

export type GridAction =
  /** Move the active cell one step (`extend`: move the selection's far corner instead). */
  | { type: 'move'; dr: number; dc: number; extend: boolean }
  /** Ctrl+arrow: to the edge of the data in that direction. */
  | { type: 'jump'; dr: number; dc: number; extend: boolean }
  /** Home (start of the row), Ctrl+Home (the first cell), Ctrl+End (the last cell with data). */
  | { type: 'home' | 'first' | 'last'; extend: boolean }
  /** A page of rows up or down. */
  | { type: 'page'; dr: number; extend: boolean }
  /** Commit the edit, then move by (dr, dc) (Enter, Tab, or an arrow in `enter` mode); `tab` marks Tab's. */
  | { type: 'commit'; dr: number; dc: number; tab?: true }
  | { type: 'cancel' }
  /** F2: edit the active cell with the caret at the end. */
  | { type: 'edit' }
  /** Backspace in `ready`: empty the active cell and start typing into it, as Excel does. */
  | { type: 'edit-empty' }
  /** F4 while editing: cycle the `$` of the reference at the caret. */
  | { type: 'absolute' }
  | { type: 'clear' }
  | { type: 'select-all' }
  | { type: 'copy' }
  | { type: 'cut' }
  | { type: 'paste' }
  | { type: 'fill-down' }
  | { type: 'fill-right' }
  | { type: 'undo' }
  | { type: 'redo' };

const ARROWS: Record<string, Direction> = {
  ArrowUp: { dr: -1, dc: 0 },
  ArrowDown: { dr: 1, dc: 0 },
  ArrowLeft: { dr: 0, dc: -1 },
  ArrowRight: { dr: 0, dc: 1 },
};

/**
 * What a key does in the grid, or null when the key is not the grid's (a character typed
 * into the cell editor, a browser shortcut such as Ctrl+S or Ctrl+F).
 *
 * @example gridKeyAction({ key: 'Enter', ctrl: false, shift: true, alt: false }, 'enter') // { type: 'commit', dr: -1, dc: 0 }
 */
export function gridKeyAction(chord: KeyChord, mode: EditMode): GridAction | null {
  const { key, ctrl, shift, alt } = chord;
  const arrow = ARROWS[key];
  const lower = key.length === 1 ? key.toLowerCase() : key;

  // Ctrl+Enter commits and stays, as in Excel.
  if (key === 'Enter' && !alt) return { type: 'commit', dr: ctrl ? 0 : shift ? -1 : 1, dc: 0 };
  if (key === 'Tab' && !ctrl && !alt) return { type: 'commit', dr: 0, dc: shift ? -1 : 1, tab: true };
  if (key === 'Escape') return { type: 'cancel' };

  if (mode !== 'ready') {
    if (key === 'F4') return { type: 'absolute' };
    // Typing started the edit: an arrow ends it and moves, as in Excel's Enter mode.
    if (mode === 'enter' && arrow && !ctrl && !alt) return { type: 'commit', ...arrow };
    // Everything else (characters, the caret keys, Ctrl+C/V/Z of the text) belongs to the editor.
    return null;
  }

  if (arrow && !alt) return ctrl ? { type: 'jump', ...arrow, extend: shift } : { type: 'move', ...arrow, extend: shift };
  if (key === 'Home' && !alt) return { type: ctrl ? 'first' : 'home', extend: shift };
  if (key === 'End' && ctrl && !alt) return { type: 'last', extend: shift };
  if ((key === 'PageDown' || key === 'PageUp') && !ctrl && !alt) return { type: 'page', dr: key === 'PageDown' ? 1 : -1, extend: shift };
  if (key === 'F2' && !ctrl && !alt) return { type: 'edit' };
  if (key === 'Delete' && !ctrl && !alt) return { type: 'clear' };
  if (key === 'Backspace' && !ctrl && !alt) return { type: 'edit-empty' };
  if (!ctrl || alt) return null;
  if (lower === 'a' && !shift) return { type: 'select-all' };
  if (lower === 'c' && !shift) return { type: 'copy' };
  if (lower === 'x' && !shift) return { type: 'cut' };
  if (lower === 'v' && !shift) return { type: 'paste' };
  if (lower === 'd' && !shift) return { type: 'fill-down' };
  if (lower === 'r' && !shift) return { type: 'fill-right' };
  if (lower === 'z') return shift ? { type: 'redo' } : { type: 'undo' };
  if (lower === 'y' && !shift) return { type: 'redo' };
  return null;
}

/** The chord of a DOM keyboard event. */
export function chordOf(event: KeyboardEvent): KeyChord {
  return { key: event.key, ctrl: event.ctrlKey || event.metaKey, shift: event.shiftKey, alt: event.altKey };
}
