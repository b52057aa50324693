/** Function names and signatures for completion in the formula bar, from HyperFormula's own registry. */
import { HyperFormula } from 'hyperformula';
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
  cache = HyperFormula.getRegisteredFunctionNames('enGB')
    .sort()
    .map((name) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- plugin metadata is not in the public types
      const meta = (HyperFormula.getFunctionPlugin(name) as any)?.implementedFunctions?.[name];
      const params: Parameter[] = meta?.parameters ?? [];
      const args = params.map((p) => `${p.argumentType.toLowerCase()}${p.optionalArg || p.defaultValue !== undefined ? '?' : ''}`);
      if (meta?.repeatLastArgs) args.push('…');
      return { name, signature: `${name}(${args.join(', ')})` };
    });
  return cache;
}

/** The function name being typed at the end of `text` (after `=`, an operator, a comma or a bracket). */
export function typedFunctionPrefix(text: string): string | null {
  if (!text.startsWith('=')) return null;
  const match = /(?:^=|[(,+\-*/&=<>^ ])([A-Za-z][A-Za-z0-9.]*)$/.exec(text);
  return match ? match[1].toUpperCase() : null;
}
