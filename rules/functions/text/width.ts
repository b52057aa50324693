/**
 * ASC (full-width to half-width) and DBCS / JIS (half-width to full-width), as Excel does them
 * for Japanese text: the ASCII letters, digits and signs ↔ their full-width forms
 * (U+FF01–U+FF5E), the space ↔ the ideographic space, and katakana ↔ half-width katakana,
 * a voiced katakana (ガ) becoming two half-width characters (ｶﾞ) and back. Anything else is
 * left as it is, as Excel leaves it.
 */
import { FunctionArgumentType, FunctionPlugin } from 'hyperformula';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const HALF_KANA = '｡｢｣､･ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝﾞﾟ';
const FULL_KANA =
  '。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン\u3099\u309a';
const FULL_SPACE = '\u3000';
const WIDE_OFFSET = 0xff01 - 0x21;

const toHalf = new Map([...FULL_KANA].map((ch, i) => [ch, HALF_KANA[i]]));
const toFull = new Map([...HALF_KANA].map((ch, i) => [ch, FULL_KANA[i]]));
// A standalone voiced mark in full-width text is the spacing form (゛゜), not the combining one.
toHalf.set('゛', 'ﾞ').set('゜', 'ﾟ');

/** ASC: full-width (double-byte) characters to half-width. */
export function asc(text: string): string {
  let out = '';
  // Decomposed, a voiced katakana is its plain form and a combining mark, each with a half-width form.
  for (const ch of text.normalize('NFD')) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - WIDE_OFFSET);
    else if (ch === FULL_SPACE) out += ' ';
    else out += toHalf.get(ch) ?? ch;
  }
  return out.normalize('NFC');
}

/** DBCS (and JIS, its Japanese name): half-width (single-byte) characters to full-width. */
export function dbcs(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0x21 && code <= 0x7e) out += String.fromCharCode(code + WIDE_OFFSET);
    else if (ch === ' ') out += FULL_SPACE;
    else out += toFull.get(ch) ?? ch;
  }
  // A half-width voiced mark after its katakana combines with it (ｶﾞ → ガ); a lone one stays spacing.
  return out
    .normalize('NFC')
    .replace(/\u3099/g, '゛')
    .replace(/\u309a/g, '゜');
}

const STRING = { argumentType: FunctionArgumentType.STRING };

export class TextWidthPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    ASC: { method: 'asc', parameters: [STRING] },
    DBCS: { method: 'dbcs', parameters: [STRING] },
    JIS: { method: 'jis', parameters: [STRING] },
  };

  asc(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('ASC'), asc);
  }

  dbcs(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('DBCS'), dbcs);
  }

  jis(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('JIS'), dbcs);
  }
}
