/**
 * An action on one row of a list (rename, archive, delete): run it, say it was done, and
 * show the list as it is now. A refusal (a delete something official depends on) stays on
 * the page in words as `problem` until the next action, not in a toast that passes.
 */
import { notify } from './toasts.svelte';

export function listActions(reload: () => Promise<unknown>) {
  let problem = $state('');
  return {
    get problem() {
      return problem;
    },
    async act(what: () => Promise<unknown>, done: string): Promise<void> {
      problem = '';
      try {
        await what();
        notify(done);
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
      await reload();
    },
  };
}
