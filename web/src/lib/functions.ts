/** Function names and signatures for completion in the formula bar, from HyperFormula's own registry. */
import { HyperFormula } from 'hyperformula';
import { BOUND } from '../../../rules/functions/let';
import { ENGINE_OFFSET } from '../../../rules/functions/reference';
import { engineConfig } from '../../../rules/hf';

interface Parameter {
  argumentType: string;
  optionalArg?: boolean;
  defaultValue?: unknown;
}

let cache: { name: string; signature: string }[] | null = null;

export function functionList(): { name: string; signature: string }[] {
  if (cache) return cache;
  engineConfig(); // registers Tickmark's functions
  // The engine's internal names are not for typing: XLOFFSET is shown as OFFSET, LET.BOUND not at all.
  cache = HyperFormula.getRegisteredFunctionNames('enGB')
    .filter((name) => name !== BOUND && name !== 'OFFSET')
    .map((id) => {
      const name = id === ENGINE_OFFSET ? 'OFFSET' : id;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- plugin metadata is not in the public types
      const meta = (HyperFormula.getFunctionPlugin(id) as any)?.implementedFunctions?.[id];
      const params: Parameter[] = meta?.parameters ?? [];
      const args = params.map((p) => `${p.argumentType.toLowerCase()}${p.optionalArg || p.defaultValue !== undefined ? '?' : ''}`);
      if (meta?.repeatLastArgs) args.push('…');
      return { name, signature: `${name}(${args.join(', ')})` };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return cache;
}

/** The function name being typed at the end of `text` (after `=`, an operator, a comma or a bracket). */
export function typedFunctionPrefix(text: string): string | null {
  if (!text.startsWith('=')) return null;
  const match = /(?:^=|[(,+\-*/&=<>^ ])([A-Za-z][A-Za-z0-9.]*)$/.exec(text);
  return match ? match[1].toUpperCase() : null;
}
