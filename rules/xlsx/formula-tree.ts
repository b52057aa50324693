/**
 * A small parser for formulas in Excel's syntax (as Tickmark stores them) that keeps where
 * each part stands in the text, so implicit-intersection.ts can insert `@` at the right
 * places and leave the rest of the text exactly as written. It knows Excel's operators and
 * their precedence, references (`A1`, `A1:B3`, `A:A`, `1:1`, `Sheet 1'!A1`, `[1]S!A1`), names,
 * calls, array constants, strings, error literals, `@x` and `A1#`; structured references
 * (`Table[Col]`) are one leaf. A formula it cannot read gives null.
 */

export type Node =
  | { kind: 'cell' | 'range' | 'name' | 'struct' | 'array' | 'literal'; start: number; end: number; text: string }
  | { kind: 'call'; start: number; end: number; name: string; args: Node[] }
  | { kind: 'binary'; start: number; end: number; op: string; left: Node; right: Node }
  | { kind: 'prefix' | 'postfix'; start: number; end: number; op: string; operand: Node }
  | { kind: 'group'; start: number; end: number; items: Node[] }
  | { kind: 'empty'; start: number; end: number };

interface Token {
  type: 'ref' | 'word' | 'call' | 'literal' | 'array' | 'struct' | 'op' | 'open' | 'close' | 'comma' | 'end';
  text: string;
  start: number;
  end: number;
  /** Whitespace precedes it: between two references that is Excel's intersection operator. */
  spaced: boolean;
}

const SHEET = String.raw`(?:\[[^\]]*\])?(?:'(?:[^']|'')*'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)(?::(?:'(?:[^']|'')*'|[A-Za-z_][\w.]*))?!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+(?![\w.(])`;
const COLUMNS = String.raw`\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}(?![\w.(])`;
const ROWS = String.raw`\$?\d+:\$?\d+(?![\w.])`;
const REFERENCE = new RegExp(String.raw`(?:${SHEET})?(?:${COLUMNS}|${ROWS}|${CELL})`, 'y');
const SHEET_NAME = new RegExp(String.raw`(?:${SHEET})?[A-Za-z_\\\u00C0-\uFFFF][\w.\\\u00C0-\uFFFF]*`, 'y');
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const ERROR = /#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!)/iy;
const OPERATORS = ['<>', '<=', '>=', '+', '-', '*', '/', '^', '&', '=', '<', '>', '%', ':', '@', '#'];

function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  const sticky = (re: RegExp) => {
    re.lastIndex = i;
    return re.exec(text)?.[0] ?? null;
  };
  while (i < text.length) {
    const start = i;
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    const spaced = i > start;
    const push = (type: Token['type'], end: number) => {
      tokens.push({ type, text: text.slice(i, end), start: i, end, spaced });
      i = end;
    };
    const ch = text[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && !(text[j] === '"' && text[j + 1] !== '"')) j += text[j] === '"' ? 2 : 1;
      if (j >= text.length) return null;
      push('literal', j + 1);
    } else if (ch === '{') {
      const close = closing(text, i, '{', '}');
      if (close < 0) return null;
      push('array', close + 1);
    } else if (ch === '(') push('open', i + 1);
    else if (ch === ')') push('close', i + 1);
    else if (ch === ',') push('comma', i + 1);
    else if (ch === '#' && sticky(ERROR)) push('literal', i + sticky(ERROR)!.length);
    else if (ch === '[' && !sticky(REFERENCE)) {
      // A structured reference without its table's name (`[@Col]`, `[[#This Row],[Col]]`).
      const close = closing(text, i, '[', ']');
      if (close < 0) return null;
      push('struct', close + 1);
    } else if (sticky(REFERENCE)) push('ref', i + sticky(REFERENCE)!.length);
    else if (/\d|\./.test(ch) && sticky(NUMBER)) push('literal', i + sticky(NUMBER)!.length);
    else if (sticky(SHEET_NAME)) {
      const word = sticky(SHEET_NAME)!;
      const after = i + word.length;
      if (text[after] === '[') {
        const close = closing(text, after, '[', ']');
        if (close < 0) return null;
        push('struct', close + 1);
      } else if (/^\s*\(/.test(text.slice(after))) push('call', after);
      else if (/^(TRUE|FALSE)$/i.test(word)) push('literal', after);
      else push('word', after);
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (!op) return null;
      push('op', i + op.length);
    }
  }
  tokens.push({ type: 'end', text: '', start: text.length, end: text.length, spaced: false });
  return tokens;
}

/** The index of the bracket that closes the one at `open`, skipping strings; -1 when none does. */
function closing(text: string, open: number, left: string, right: string): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '"') {
      i++;
      while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) i += text[i] === '"' ? 2 : 1;
    } else if (text[i] === left) depth++;
    else if (text[i] === right && --depth === 0) return i;
  }
  return -1;
}

/** Binding power of the binary operators, Excel's order (`:` and the space bind tightest). */
const BINARY: Record<string, number> = {
  ':': 90,
  ' ': 80,
  '^': 50,
  '*': 40,
  '/': 40,
  '+': 30,
  '-': 30,
  '&': 20,
  '=': 10,
  '<>': 10,
  '<': 10,
  '>': 10,
  '<=': 10,
  '>=': 10,
};
/** Excel's negation binds tighter than `^` (`-2^2` is 4) and `%` tighter than both. */
const PREFIX_POWER = 60;
const PERCENT_POWER = 70;
/** `@` takes a whole reference (`@A1:A9`), so it binds below `:`. */
const AT_POWER = 85;

/** The formula's tree (the text with its `=`), positions into that text; null when it cannot be read. */
export function parseExcelFormula(formula: string): Node | null {
  if (!formula.startsWith('=')) return null;
  const tokens = tokenize(formula.slice(1).padStart(formula.length, ' '));
  if (!tokens) return null;
  let at = 0;
  const peek = () => tokens[at];
  const next = () => tokens[at++];
  const fail = (): never => {
    throw new SyntaxError('unreadable');
  };

  function expression(power: number): Node {
    let left = operand();
    for (;;) {
      const token = peek();
      if (token.type === 'op' && token.text === '%') {
        if (PERCENT_POWER < power) break;
        next();
        left = { kind: 'postfix', op: '%', operand: left, start: left.start, end: token.end };
        continue;
      }
      if (token.type === 'op' && token.text === '#') {
        next();
        left = { kind: 'postfix', op: '#', operand: left, start: left.start, end: token.end };
        continue;
      }
      const intersection = token.spaced && isReference(left) && ['ref', 'word', 'call', 'open'].includes(token.type);
      const op = intersection ? ' ' : token.type === 'op' ? token.text : null;
      const bind = op === null ? undefined : BINARY[op];
      if (bind === undefined || bind <= power) break;
      if (!intersection) next();
      const right = expression(bind);
      left = { kind: 'binary', op: op!, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  function operand(): Node {
    const token = next();
    const leaf = (kind: 'cell' | 'range' | 'name' | 'struct' | 'array' | 'literal') =>
      ({ kind, start: token.start, end: token.end, text: token.text }) as Node;
    switch (token.type) {
      case 'ref':
        return leaf(/:/.test(token.text.replace(/^.*!/, '')) ? 'range' : 'cell');
      case 'word':
        return leaf('name');
      case 'struct':
        return leaf('struct');
      case 'array':
        return leaf('array');
      case 'literal':
        return leaf('literal');
      case 'call':
        return call(token);
      case 'open': {
        const items = [expression(0)];
        while (peek().type === 'comma') {
          next();
          items.push(expression(0));
        }
        const close = next();
        if (close.type !== 'close') fail();
        return { kind: 'group', items, start: token.start, end: close.end };
      }
      case 'op':
        if (token.text === '+' || token.text === '-' || token.text === '@') {
          const inner = expression(token.text === '@' ? AT_POWER : PREFIX_POWER);
          return { kind: 'prefix', op: token.text, operand: inner, start: token.start, end: inner.end };
        }
        return fail();
      default:
        return fail();
    }
  }

  function call(name: Token): Node {
    if (next().type !== 'open') fail();
    const args: Node[] = [];
    const empty = (where: number): Node => ({ kind: 'empty', start: where, end: where });
    if (peek().type === 'close') return { kind: 'call', name: name.text, args, start: name.start, end: next().end };
    for (;;) {
      const token = peek();
      args.push(token.type === 'comma' || token.type === 'close' ? empty(token.start) : expression(0));
      const after = next();
      if (after.type === 'close') return { kind: 'call', name: name.text, args, start: name.start, end: after.end };
      if (after.type !== 'comma') fail();
    }
  }

  try {
    const tree = expression(0);
    return peek().type === 'end' ? tree : null;
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}

/** A reference, as far as the text tells: the left side of Excel's intersection operator. */
function isReference(node: Node): boolean {
  return (
    node.kind === 'cell' ||
    node.kind === 'range' ||
    node.kind === 'name' ||
    (node.kind === 'binary' && (node.op === ':' || node.op === ' '))
  );
}
