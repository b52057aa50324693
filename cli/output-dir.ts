/**
 * All-or-nothing output: files are written into a hidden sibling folder and moved into
 * place only when the whole run succeeded, so DIR is complete or untouched.
 */
import { mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

export class StagedDir {
  private constructor(
    readonly target: string,
    readonly staging: string,
  ) {}

  static async create(target: string): Promise<StagedDir> {
    const absolute = resolve(target);
    await mkdir(dirname(absolute), { recursive: true });
    const staging = await mkdtemp(join(dirname(absolute), `.${basename(absolute)}.partial-`));
    return new StagedDir(absolute, staging);
  }

  path(file: string): string {
    return join(this.staging, file);
  }

  /** Moves the staged files into the target folder. */
  async commit(): Promise<void> {
    const exists = await stat(this.target).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!exists) {
      await rename(this.staging, this.target);
      return;
    }
    for (const file of await readdir(this.staging)) await rename(join(this.staging, file), join(this.target, file));
    await rm(this.staging, { recursive: true, force: true });
  }

  async discard(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
  }
}
