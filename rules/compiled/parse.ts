/**
 * A small parser for the Excel formulas a `Rows` rule holds (issue 14). It reads what the
 * compiler can take and says `unsupported` with a reason for anything else, so the column
 * falls back to HyperFormula instead of being guessed at. Precedence as Excel (and
 * HyperFormula) have it, loosest first: comparisons, `&`, `+ -`, `* /`, `^`, `%`, unary `-`
 * and `+`, then `:` inside a reference.
 */

export type Node =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'err'; code: string }
  | { k: 'empty' }
  | { k: 'ref'; sheet: string | null; col: number; row: number; colAbs: boolean; rowAbs: boolean }
  | { k: 'range'; sheet: string | null; start: RangeEnd; end: RangeEnd }
  | { k: 'name'; name: string }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'bin'; op: BinaryOp; l: Node; r: Node }
  | { k: 'un'; op: '-' | '+'; e: Node }
  | { k: 'pct'; e: Node }
  | { k: 'paren'; e: Node };

/** One end of a range; `row` null for a whole column (`$A:$C`); `rowAbs` its `$` (filled down, a relative row moves). */
export interface RangeEnd {
  col: number;
  row: number | null;
  rowAbs?: boolean;
}

export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '&' | '=' | '<>' | '<' | '>' | '<=' | '>=';

/** Thrown inside the parser only; `parseFormula` turns it into a result. */
class Unsupported extends Error {}

export type ParseResult = { ok: true; node: Node } | { ok: false; reason: string };

const ERRORS = ['#DIV/0!', '#N/A', '#NAME?', '#NULL!', '#NUM!', '#REF!', '#VALUE!'];
const PREFIX = /^(_xlfn\._xlws\.|_xlfn\.|_xludf\.)/i;

type Token =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'err'; v: string }
  | { t: 'op'; v: string }
  | { t: 'word'; v: string; sheet: string | null }
  | { t: 'end' };

/** Parses `=…` (the leading `=` required). */
export function parseFormula(formula: string): ParseResult {
  try {
    if (!formula.startsWith('=')) throw new Unsupported('not a formula');
    const parser = new Parser(tokenize(formula.slice(1)));
    const node = parser.expression(0);
    parser.expectEnd();
    return { ok: true, node };
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, reason: error.message };
    throw error;
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') {
      // A space between references is Excel's intersection operator: not taken.
      const prev = tokens[tokens.length - 1];
      i++;
      while (i < text.length && /\s/.test(text[i])) i++;
      if (prev?.t === 'word' && /^[A-Za-z$'_]/.test(text[i] ?? '') && !/^\w+\s*\(/.test(prev.v)) {
        throw new Unsupported('a space between references (intersection)');
      }
      continue;
    }
    if (ch === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Unsupported('an unterminated string');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      tokens.push({ t: 'str', v: value });
      continue;
    }
    if (ch === '#') {
      const code = ERRORS.find((e) => text.slice(i, i + e.length).toUpperCase() === e);
      if (!code) throw new Unsupported(`the error literal at "${text.slice(i, i + 8)}"`);
      tokens.push({ t: 'err', v: code });
      i += code.length;
      continue;
    }
    const number = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
    if (number && !/^\d+:/.test(text.slice(i)) && !/^[A-Za-z_]/.test(text[i + number[0].length] ?? '')) {
      tokens.push({ t: 'num', v: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '<>' || two === '<=' || two === '>=') {
      tokens.push({ t: 'op', v: two });
      i += 2;
      continue;
    }
    if ('+-*/^&=<>%(),:'.includes(ch)) {
      tokens.push({ t: 'op', v: ch });
      i++;
      continue;
    }
    if (ch === '@') {
      tokens.push({ t: 'op', v: ch });
      i++;
      continue;
    }
    if (ch === '{' || ch === '[' || ch === ';') throw new Unsupported(`"${ch}" (array constants or structured references)`);
    let sheet: string | null = null;
    if (ch === "'") {
      let name = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Unsupported('an unterminated sheet name');
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            name += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        name += text[i++];
      }
      if (text[i] !== '!') throw new Unsupported(`a quoted name without "!" ('${name}')`);
      i++;
      sheet = name;
    }
    const word = /^[A-Za-z0-9_.$\\?]+/.exec(text.slice(i));
    if (!word) throw new Unsupported(`the character "${text[i] ?? ''}"`);
    i += word[0].length;
    if (sheet === null && text[i] === '!') {
      sheet = word[0];
      i++;
      const rest = /^[A-Za-z0-9_.$]+/.exec(text.slice(i));
      if (!rest) throw new Unsupported(`a reference into sheet "${sheet}" the compiler cannot read`);
      i += rest[0].length;
      tokens.push({ t: 'word', v: rest[0], sheet });
      continue;
    }
    tokens.push({ t: 'word', v: word[0], sheet });
  }
  tokens.push({ t: 'end' });
  return tokens;
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;

function letters(col: string): number {
  let n = 0;
  for (const ch of col.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Binding powers: comparisons 1, & 2, + - 3, * / 4, ^ 5, % 6 (postfix), unary 7. */
const BINARY: Record<string, number> = {
  '=': 1,
  '<>': 1,
  '<': 1,
  '>': 1,
  '<=': 1,
  '>=': 1,
  '&': 2,
  '+': 3,
  '-': 3,
  '*': 4,
  '/': 4,
  '^': 5,
};

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.at];
  }

  private next(): Token {
    return this.tokens[this.at++];
  }

  private isOp(v: string): boolean {
    const token = this.peek();
    return token.t === 'op' && token.v === v;
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.t !== 'end') throw new Unsupported(`unexpected ${describe(token)}`);
  }

  /** Pratt loop: operators binding tighter than `min`. Binary operators are left-associative, `^` too (as in Excel). */
  expression(min: number): Node {
    let left = this.prefix();
    for (;;) {
      const token = this.peek();
      if (token.t !== 'op') break;
      if (token.v === '%') {
        this.next();
        left = { k: 'pct', e: left };
        continue;
      }
      const power = BINARY[token.v];
      if (power === undefined || power <= min) break;
      this.next();
      const right = this.expression(power);
      left = { k: 'bin', op: token.v as BinaryOp, l: left, r: right };
    }
    return left;
  }

  private prefix(): Node {
    const token = this.next();
    if (token.t === 'op' && (token.v === '-' || token.v === '+')) {
      // Unary minus binds tighter than ^ (=-2^2 is 4) but looser than %.
      const operand = this.unaryOperand();
      return { k: 'un', op: token.v, e: operand };
    }
    return this.primary(token);
  }

  /** The operand of a unary sign: a primary with its % signs, or a further sign. */
  private unaryOperand(): Node {
    const token = this.next();
    let node: Node =
      token.t === 'op' && (token.v === '-' || token.v === '+') ? { k: 'un', op: token.v, e: this.unaryOperand() } : this.primary(token);
    while (this.isOp('%')) {
      this.next();
      node = { k: 'pct', e: node };
    }
    return node;
  }

  private primary(token: Token): Node {
    if (token.t === 'num') return { k: 'num', v: token.v };
    if (token.t === 'str') return { k: 'str', v: token.v };
    if (token.t === 'err') return { k: 'err', code: token.v };
    if (token.t === 'op' && token.v === '(') {
      const inner = this.expression(0);
      if (!this.isOp(')')) throw new Unsupported(`unexpected ${describe(this.peek())}`);
      this.next();
      return { k: 'paren', e: inner };
    }
    if (token.t === 'word') return this.word(token.v, token.sheet);
    // `@x` (implicit intersection) is the engine's SINGLE(x); it applies to the reference, name or call that follows.
    if (token.t === 'op' && token.v === '@') return { k: 'call', name: 'SINGLE', args: [this.primary(this.next())] };
    throw new Unsupported(`unexpected ${describe(token)}`);
  }

  private word(word: string, sheet: string | null): Node {
    if (sheet === null && this.isOp('(')) {
      this.next();
      const name = word.replace(PREFIX, '').toUpperCase();
      const args: Node[] = [];
      if (this.isOp(')')) {
        this.next();
        return { k: 'call', name, args };
      }
      for (;;) {
        if (this.isOp(',') || this.isOp(')')) args.push({ k: 'empty' });
        else args.push(this.expression(0));
        const sep = this.next();
        if (sep.t === 'op' && sep.v === ')') break;
        if (!(sep.t === 'op' && sep.v === ',')) throw new Unsupported(`unexpected ${describe(sep)} in ${name}(…)`);
      }
      return { k: 'call', name, args };
    }
    const cell = CELL.exec(word);
    const column = COLUMN.exec(word);
    if (this.isOp(':')) {
      if (!cell && !column) throw new Unsupported(`the range starting at "${word}"`);
      this.next();
      const endToken = this.next();
      if (endToken.t !== 'word' || (endToken.sheet !== null && endToken.sheet.toLowerCase() !== (sheet ?? '').toLowerCase())) {
        throw new Unsupported(`the range starting at "${word}"`);
      }
      const endCell = CELL.exec(endToken.v);
      const endColumn = COLUMN.exec(endToken.v);
      if (cell && endCell) {
        return {
          k: 'range',
          sheet,
          start: { col: letters(cell[2]), row: Number(cell[4]) - 1, rowAbs: cell[3] === '$' },
          end: { col: letters(endCell[2]), row: Number(endCell[4]) - 1, rowAbs: endCell[3] === '$' },
        };
      }
      if (column && endColumn)
        return { k: 'range', sheet, start: { col: letters(column[2]), row: null }, end: { col: letters(endColumn[2]), row: null } };
      throw new Unsupported(`the range "${word}:${endToken.v}"`);
    }
    if (cell && Number(cell[4]) >= 1) {
      return { k: 'ref', sheet, col: letters(cell[2]), row: Number(cell[4]) - 1, colAbs: cell[1] === '$', rowAbs: cell[3] === '$' };
    }
    if (sheet !== null) throw new Unsupported(`the reference "${sheet}!${word}"`);
    const upper = word.toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE') return { k: 'bool', v: upper === 'TRUE' };
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(word)) throw new Unsupported(`the name "${word}"`);
    return { k: 'name', name: word };
  }
}

function describe(token: Token): string {
  if (token.t === 'end') return 'end of formula';
  if (token.t === 'str') return `"${token.v}"`;
  return `"${String(token.v)}"`;
}
