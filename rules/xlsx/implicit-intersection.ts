/**
 * Excel 365 reads a formula saved without the dynamic-array mark (no `cm`, see
 * dynamic-arrays.ts) as a legacy formula: wherever pre-365 Excel silently reduced a range to
 * one value (implicit intersection), it shows `@`, and the formula keeps its meaning under
 * dynamic-array evaluation (Microsoft, "Implicit intersection operator: @"). Tickmark's
 * engine evaluates with array arithmetic (rules/hf.ts), so the importer does the same:
 * `legacyFormula('=A1:A3*2')` is `=@A1:A3*2`, `=LEN(H11:J11)` is `=LEN(@H11:J11)`,
 * `=COUNTIF(G7:K7,E8:G8)` is `=COUNTIF(G7:K7,@E8:G8)`, and `=SUM(A1:A3)` is unchanged.
 *
 * Where `@` goes, as legacy Excel evaluated:
 * - an operand of an operator (`-`, `*`, `&`, `>`, …) that is a reference to several cells;
 * - an argument that is a range or an array, in a parameter that takes one value (HyperFormula's
 *   metadata: any type but RANGE and ANY), e.g. LEN's text, IF's branches, COUNTIF's criteria;
 *   a function that never vectorises (ROW, COLUMNS, FORMULATEXT) reads the reference itself,
 *   and one that expands ranges into values (COUNTBLANK) takes them whole;
 * - the whole formula when its result can be several values (`=A1:A3`, `=INDEX(A:A,0)`).
 * Nothing inside an argument of a function that evaluates its arguments as arrays (SUMPRODUCT,
 * MMULT, FREQUENCY, …: HyperFormula's `enableArrayArithmeticForArguments`) is touched, nor
 * inside an explicit `@`. Arrays (constants, TRANSPOSE's result) pass through operators as
 * arrays, as legacy Excel computed them, and are reduced only where one value is taken.
 */
import { FunctionArgumentType, HyperFormula } from 'hyperformula';
import { registerTickmarkFunctions } from '../functions/index.js';
import { ENGINE_OFFSET } from '../functions/reference.js';
import { parseExcelFormula, type Node } from './formula-tree.js';

/** What a part of a formula can evaluate to: one value, a reference to cells, or an array of values. */
export type Shape = 'scalar' | 'ref' | 'array';

export interface LegacyOptions {
  /** The shape of a defined name's value (a name for `A1:A9` is a reference); unknown names are one value. */
  nameShape?: (name: string) => Shape;
  /**
   * A Rows formula (one value per row): a whole formula whose result is an array of values
   * (`=SEQUENCE(3)`) is left as it is rather than reduced to its first value (there an array
   * is an error, row-evaluator.ts); a reference (`=B2*Prices!C:C`, `=INDEX(…)`) is still
   * intersected.
   */
  rows?: boolean;
}

/** Functions whose result can be a reference (implicit intersection takes the formula's row of it). */
const RETURNS_REFERENCE = new Set(['INDEX', 'OFFSET', 'INDIRECT']);
/** Functions whose result is one of their arguments (by index): as wide as the widest of those. */
const PICKS_AN_ARGUMENT: Record<string, (i: number) => boolean> = {
  CHOOSE: (i) => i > 0,
  SWITCH: (i) => i > 0,
  INDEX: (i) => i === 0,
  LET: () => true,
};

function widest(a: Shape, b: Shape): Shape {
  return a === 'ref' || b === 'ref' ? 'ref' : a === 'array' || b === 'array' ? 'array' : 'scalar';
}

interface Wrap {
  start: number;
  end: number;
  bare: boolean;
}

/** The formula (Excel's syntax, with `=`) with `@` where legacy Excel applied implicit intersection; unchanged when it needs none or cannot be read. */
export function legacyFormula(formula: string, options: LegacyOptions = {}): string {
  const tree = parseExcelFormula(formula);
  if (!tree) return formula;
  const wraps: Wrap[] = [];
  const walker = new Walker(formula, wraps, options);
  const shape = walker.shape(tree, false);
  if (shape === 'ref' || (shape === 'array' && !options.rows)) walker.wrap(tree);
  return wraps.length ? insert(formula, wraps) : formula;
}

/**
 * The formula as legacy Excel writes it: without the `@`s its legacy reading implies
 * (`=@A1:A3*2` is `=A1:A3*2`), so Excel 2019 and before read it too; unchanged when an `@`
 * says more than the legacy reading would (Excel 365 writes such a formula with `SINGLE`).
 */
export function withoutImpliedAt(formula: string, options: LegacyOptions = {}): string {
  const tree = parseExcelFormula(formula);
  if (!tree || !formula.includes('@')) return formula;
  const cuts: { start: number; end: number }[] = [];
  const visit = (node: Node): void => {
    if (node.kind === 'prefix' && node.op === '@') {
      const operand = node.operand;
      const bracketed = operand.kind === 'group' && operand.items.length === 1;
      cuts.push({ start: node.start, end: bracketed ? operand.start + 1 : operand.start });
      if (bracketed) cuts.push({ start: operand.end - 1, end: operand.end });
    }
    for (const child of children(node)) visit(child);
  };
  visit(tree);
  if (!cuts.length) return formula;
  let bare = formula;
  for (const cut of cuts.sort((a, b) => b.start - a.start)) bare = bare.slice(0, cut.start) + bare.slice(cut.end);
  return legacyFormula(bare, options) === formula ? bare : formula;
}

function children(node: Node): Node[] {
  switch (node.kind) {
    case 'call':
      return node.args;
    case 'binary':
      return [node.left, node.right];
    case 'prefix':
    case 'postfix':
      return [node.operand];
    case 'group':
      return node.items;
    default:
      return [];
  }
}

/** The shape of each defined name's expression (by upper-case name), for `nameShape`. */
export function nameShapes(names: { name: string; expression: string }[]): (name: string) => Shape {
  const shapes = new Map<string, Shape>();
  for (const { name, expression } of names) {
    const tree = parseExcelFormula(expression);
    if (tree) shapes.set(name.toUpperCase(), new Walker(expression, [], {}).shape(tree, true));
  }
  return (name) => shapes.get(name.replace(/^.*!/, '').toUpperCase()) ?? 'scalar';
}

class Walker {
  constructor(
    private readonly text: string,
    private readonly wraps: Wrap[],
    private readonly options: LegacyOptions,
  ) {}

  wrap(node: Node): void {
    this.wraps.push({ start: node.start, end: node.end, bare: bareOperand(node, this.text.slice(node.start, node.end)) });
  }

  /** The node's shape once its own parts have their `@`; `arrays` when evaluated as arrays (no `@` inside). */
  shape(node: Node, arrays: boolean): Shape {
    switch (node.kind) {
      case 'cell':
      case 'literal':
      case 'struct':
      case 'empty':
        return 'scalar';
      case 'range':
        return 'ref';
      case 'array':
        return 'array';
      case 'name':
        return this.options.nameShape?.(node.text) ?? 'scalar';
      case 'group': {
        if (node.items.length > 1) return 'ref'; // a union (A1:A3,C1:C3)
        return this.shape(node.items[0], arrays);
      }
      case 'prefix':
        if (node.op === '@') {
          this.shape(node.operand, true);
          return 'scalar';
        }
        return this.operands([node.operand], arrays);
      case 'postfix':
        return node.op === '#' ? 'ref' : this.operands([node.operand], arrays);
      case 'binary':
        if (node.op === ':' || node.op === ' ') {
          this.shape(node.left, true);
          this.shape(node.right, true);
          return 'ref';
        }
        return this.operands([node.left, node.right], arrays);
      case 'call':
        return this.call(node, arrays);
    }
  }

  /** Operator operands: a reference is intersected (outside array evaluation), an array stays an array. */
  private operands(operands: Node[], arrays: boolean): Shape {
    let result: Shape = 'scalar';
    for (const operand of operands) {
      const shape = this.shape(operand, arrays);
      if (shape === 'scalar') continue;
      if (!arrays && shape === 'ref') this.wrap(operand);
      else result = 'array';
    }
    return result;
  }

  private call(node: Extract<Node, { kind: 'call' }>, arrays: boolean): Shape {
    const name = node.name.toUpperCase();
    const metadata = functionMetadata(name);
    if (!metadata) {
      // Not a function the engine has (a LAMBDA's name, an add-in's): its arguments as they are.
      for (const arg of node.args) this.shape(arg, true);
      return 'scalar';
    }
    const argsAsArrays = arrays || metadata.enableArrayArithmeticForArguments === true;
    const shapes: Shape[] = [];
    node.args.forEach((arg, i) => {
      const shape = this.shape(arg, argsAsArrays);
      shapes.push(shape);
      const type = parameterType(metadata, i);
      // A function that expands ranges into their values (COUNTBLANK) takes them whole.
      const takesOne = type !== FunctionArgumentType.RANGE && type !== FunctionArgumentType.ANY && !metadata.expandRanges;
      if (!argsAsArrays && shape !== 'scalar' && takesOne && !metadata.vectorizationForbidden) this.wrap(arg);
    });
    if (!metadata.sizeOfResultArrayMethod) return 'scalar';
    const picked = PICKS_AN_ARGUMENT[name];
    if (picked) return shapes.filter((_, i) => picked(i)).reduce(widest, 'scalar');
    return RETURNS_REFERENCE.has(name) ? 'ref' : 'array';
  }
}

interface Metadata {
  parameters?: { argumentType: FunctionArgumentType }[];
  repeatLastArgs?: number;
  enableArrayArithmeticForArguments?: boolean;
  vectorizationForbidden?: boolean;
  expandRanges?: boolean;
  sizeOfResultArrayMethod?: string;
}

const metadataCache = new Map<string, Metadata | null>();

/** HyperFormula's description of the function Excel calls `name` (OFFSET is the engine's XLOFFSET). */
function functionMetadata(name: string): Metadata | null {
  const engineName = name === 'OFFSET' ? ENGINE_OFFSET : name;
  if (!metadataCache.has(engineName)) {
    registerTickmarkFunctions();
    const plugin = HyperFormula.getFunctionPlugin(engineName) as { implementedFunctions?: Record<string, Metadata> } | undefined;
    metadataCache.set(engineName, plugin?.implementedFunctions?.[engineName] ?? null);
  }
  return metadataCache.get(engineName)!;
}

/** The type of the i-th argument, the last parameters repeating as HyperFormula repeats them. */
function parameterType(metadata: Metadata, i: number): FunctionArgumentType | undefined {
  const parameters = metadata.parameters ?? [];
  if (i < parameters.length) return parameters[i].argumentType;
  const repeat = metadata.repeatLastArgs;
  if (!repeat || !parameters.length) return undefined;
  return parameters[parameters.length - repeat + ((i - parameters.length) % repeat)].argumentType;
}

/** Whether `@` can stand before the text without brackets (as dialect.ts reads `@`: a reference, a name or a call). */
function bareOperand(node: Node, text: string): boolean {
  if (node.kind === 'call' || node.kind === 'name') return true;
  const sheet = String.raw`(?:'(?:[^']|'')*'|[A-Za-z_][\w.]*)!`;
  const cell = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
  return new RegExp(String.raw`^(?:${sheet})?${cell}(?::${cell})?$`).test(text);
}

/** The text with each wrapped part as `@part` or `@(part)`; outer wraps enclose inner ones. */
function insert(text: string, wraps: Wrap[]): string {
  const edits: { at: number; text: string; order: number }[] = [];
  for (const { start, end, bare } of wraps) {
    edits.push({ at: start, text: bare ? '@' : '@(', order: -(end - start) });
    if (!bare) edits.push({ at: end, text: ')', order: end - start });
  }
  // From the end backwards; at one place, the outer wrap's `@(` before the inner's and its `)` after.
  edits.sort((a, b) => b.at - a.at || b.order - a.order);
  let out = text;
  for (const edit of edits) out = out.slice(0, edit.at) + edit.text + out.slice(edit.at);
  return out;
}
