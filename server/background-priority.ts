/**
 * Runs and imports work in worker threads beside the server's own thread, on a machine that
 * may have two cores. Linux schedules each thread on its own nice value, so a worker that
 * raises its own (10, as `nice` does) yields the CPU to the thread answering requests
 * whenever both want it, and runs at full speed otherwise: the listing stays quick while a
 * million-row run is in progress (bench/server-load.ts).
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** The nice value background work runs at. */
export const BACKGROUND_NICE = 10;

/**
 * Gives the calling thread (not the process) the nice value BACKGROUND_NICE, or leaves a
 * higher one. Returns the thread's nice value, or null where threads cannot be told apart
 * (not Linux): there the worker runs at the process's priority, as before.
 */
export function runInBackground(): number | null {
  let tid: number;
  try {
    // "/proc/thread-self" links to "<pid>/task/<tid>".
    tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return null;
  }
  if (!Number.isInteger(tid) || tid <= 0) return null;
  try {
    if (getPriority(tid) < BACKGROUND_NICE) setPriority(tid, BACKGROUND_NICE);
    return getPriority(tid);
  } catch {
    return null;
  }
}
