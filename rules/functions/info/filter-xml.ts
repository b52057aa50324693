/**
 * Excel's `FILTERXML(xml, xpath)`: the values the XPath selects from the XML text, one per
 * row (a dynamic array when there are several); numeric text is a number, as Excel gives it.
 * XML that does not parse, an XPath that does not compile and a selection with no values are
 * #VALUE!, each with its reason. The XML is parsed by @xmldom/xmldom and the XPath evaluated
 * by xpath (XPath 1.0, as Excel's).
 *
 * HyperFormula fixes a spill's size while it parses the formula, so inside an array formula
 * the XML and XPath must be known then (literals, or cells holding text); otherwise the
 * formula is #VALUE! saying so rather than a block cut to a guessed size.
 */
import { DOMParser } from '@xmldom/xmldom';
import { ArraySize, CellError, ErrorType, FunctionArgumentType, FunctionPlugin } from 'hyperformula';
import * as xpath from 'xpath';
import { arrayResult, reserve } from '../math/array-result.js';
import { knownText } from '../text/constant.js';
import { isWholePlainFormula } from '../values.js';

type Ast = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- HyperFormula's internal AST and state
type State = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const STRING = { argumentType: FunctionArgumentType.STRING };

export class FilterXmlPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    FILTERXML: {
      method: 'filterxml',
      parameters: [STRING, STRING],
      sizeOfResultArrayMethod: 'filterxmlSize',
      vectorizationForbidden: true,
    },
  };

  filterxml(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata('FILTERXML'), (xml: string, path: string) => {
      const values = filterXml(xml, path);
      if (values instanceof CellError) return values;
      // Several values where the size could not be reserved: say so rather than cut the block.
      const unsized = knownText(this, ast.args[0], state) === undefined || knownText(this, ast.args[1], state) === undefined;
      if (values.length > 1 && unsized && state.arraysFlag && !isWholePlainFormula(ast, state))
        return new CellError(
          ErrorType.VALUE,
          'FILTERXML in an array formula needs its XML and XPath as text or cells holding text, to size its result',
        );
      return arrayResult(
        values.map((v) => [v]),
        ast,
        state,
        { width: 1, height: values.length },
      );
    });
  }

  filterxmlSize(ast: Ast, state: State) {
    if (!state.arraysFlag) return ArraySize.scalar();
    const xml = knownText(this, ast.args[0], state);
    const path = knownText(this, ast.args[1], state);
    if (xml === undefined || path === undefined) return ArraySize.error();
    const values = filterXml(xml, path);
    return reserve(state, 1, values instanceof CellError ? 1 : values.length);
  }
}

/** The selected values, in document order; a CellError saying what is wrong. */
export function filterXml(xml: string, path: string): Array<string | number> | CellError {
  let document: Document;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(xml, 'text/xml') as unknown as Document;
  } catch (error) {
    return new CellError(ErrorType.VALUE, `FILTERXML: the text is not well-formed XML (${(error as Error).message})`);
  }
  let selected: xpath.SelectReturnType;
  try {
    selected = xpath.select(path, document as unknown as Node);
  } catch (error) {
    return new CellError(ErrorType.VALUE, `FILTERXML: "${path}" is not an XPath (${(error as Error).message})`);
  }
  const texts = Array.isArray(selected) ? selected.map((node) => node.textContent ?? '') : [String(selected)];
  if (texts.length === 0) return new CellError(ErrorType.VALUE, `FILTERXML: "${path}" selects nothing`);
  return texts.map((text) => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text));
}
