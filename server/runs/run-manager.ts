/**
 * Runs recorded runs one at a time in worker threads (two cores: one for the engine, one
 * for the server), relays progress to subscribers (Server-Sent Events) and cancels on
 * request. A worker that dies leaves its run failed, never half-written.
 */
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../db/app-error.js';
import type { Db } from '../../db/open.js';
import { recordAudit } from '../../db/audit.js';
import { finishRun, getRun, type RunRecord } from '../../db/runs.service.js';
import type { RunProgress } from '../../rules/types.js';

const WORKER = fileURLToPath(new URL('./run-worker.mjs', import.meta.url));

export type RunEvent = { type: 'progress'; progress: RunProgress } | { type: 'status'; run: RunRecord };

export class RunManager {
  private readonly queue: number[] = [];
  private current: { id: number; worker: Worker } | null = null;
  private readonly events = new EventEmitter();
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly db: Db,
    private readonly options: { databasePath: string; memoryMb: number },
  ) {
    this.events.setMaxListeners(0);
  }

  /** Queues a recorded run. */
  enqueue(id: number): void {
    this.queue.push(id);
    this.pump();
  }

  /** Cancels a queued or running run; a finished one cannot be cancelled (409). */
  cancel(id: number, userId: number | null = null): RunRecord {
    const run = getRun(this.db, id);
    if (run.status !== 'queued' && run.status !== 'running') throw new AppError('run_finished', 409, `run ${id} is already ${run.status}`);
    recordAudit(this.db, { userId, action: 'run.cancel', entity: 'run', entityId: id, before: { status: run.status } });
    if (this.current?.id === id) {
      this.current.worker.postMessage({ type: 'cancel' });
      return run;
    }
    this.queue.splice(this.queue.indexOf(id), 1);
    const cancelled = finishRun(this.db, id, {
      status: 'cancelled',
      error: { code: 'cancelled', message: 'the run was cancelled before it started' },
    });
    this.emit(id, { type: 'status', run: cancelled });
    return cancelled;
  }

  /** Listens to one run's events; returns the unsubscribe function. */
  subscribe(id: number, listener: (event: RunEvent) => void): () => void {
    this.events.on(`run:${id}`, listener);
    return () => this.events.off(`run:${id}`, listener);
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    if (!this.current && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops the running worker; its run is recorded as interrupted. */
  async shutdown(): Promise<void> {
    this.queue.length = 0;
    const current = this.current;
    if (!current) return;
    await current.worker.terminate();
  }

  private emit(id: number, event: RunEvent): void {
    this.events.emit(`run:${id}`, event);
  }

  private pump(): void {
    if (this.current) return;
    const id = this.queue.shift();
    if (id === undefined) {
      this.idleWaiters.splice(0).forEach((resolve) => resolve());
      return;
    }
    const worker = new Worker(WORKER, {
      workerData: { databasePath: this.options.databasePath, runId: id },
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
    });
    this.current = { id, worker };
    this.emit(id, { type: 'status', run: getRun(this.db, id) });
    worker.on('message', (message: { type: string; progress?: RunProgress }) => {
      if (message.type === 'progress') this.emit(id, { type: 'progress', progress: message.progress! });
      if (message.type === 'finished') this.settle(id);
    });
    worker.on('error', (error) => this.settle(id, error));
    worker.on('exit', () => this.settle(id));
  }

  private settle(id: number, error?: Error): void {
    if (this.current?.id !== id) return;
    this.current = null;
    let run = getRun(this.db, id);
    if (run.status === 'queued' || run.status === 'running') {
      const message = error
        ? `the run stopped unexpectedly: ${error.message}`
        : 'the run stopped before finishing (server shutting down or out of memory)';
      run = finishRun(this.db, id, { status: 'failed', error: { code: 'interrupted', message } });
    }
    this.emit(id, { type: 'status', run });
    this.pump();
  }
}
