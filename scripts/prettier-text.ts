/** Generated files are written as Prettier would write them, so `prettier --check .` passes on them. */
import * as prettier from 'prettier';

export async function prettierText(text: string, filepath: string): Promise<string> {
  const options = (await prettier.resolveConfig(filepath)) ?? {};
  return prettier.format(text, { ...options, filepath });
}
