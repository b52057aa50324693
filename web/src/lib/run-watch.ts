/** A run followed to its end: its status over Server-Sent Events, or one read of it if the stream fails. */
import { api, type RunInfo } from './api';
import { handleError } from './toasts.svelte';

export const isFinished = (run: Pick<RunInfo, 'status'>): boolean => run.status !== 'queued' && run.status !== 'running';

/** Calls `onRun` with each status of run `id` until it finishes; returns a function that stops watching. */
export function watchRun(id: number, onRun: (run: RunInfo) => void): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Without the stream, read the run each second until it is done.
  const poll = () =>
    api<RunInfo>('GET', `/api/runs/${id}`).then((run) => {
      if (stopped) return;
      onRun(run);
      if (!isFinished(run)) timer = setTimeout(poll, 1000);
    }, handleError);
  const events = new EventSource(`/api/runs/${id}/events`);
  events.addEventListener('status', (e) => {
    const run = JSON.parse((e as MessageEvent).data) as RunInfo;
    onRun(run);
    if (isFinished(run)) events.close();
  });
  events.onerror = () => {
    events.close();
    void poll();
  };
  return () => {
    stopped = true;
    clearTimeout(timer);
    events.close();
  };
}
