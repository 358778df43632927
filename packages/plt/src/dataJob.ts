/**
 * Runs the data-file writing of a save: on a worker thread when the data is large (the
 * main thread is busy drawing meanwhile), in-thread otherwise or when no worker can start
 * (e.g. under a test runner that cannot load TypeScript in workers).
 */
import { createRequire } from 'node:module';
import type * as WorkerThreads from 'node:worker_threads';
import { writeDataFiles, type DataJob } from './output/dataFiles.js';
import { PltError, type PltErrorCode } from './errors.js';

/** Values above which the data files are written on a worker thread. */
export const WORKER_THRESHOLD = 200_000;

function valueCount(job: DataJob): number {
  let n = 0;
  for (const c of job.columns) n += c.values.length;
  return n;
}

function workerUrl(): URL {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./dataWorker${ext}`, import.meta.url);
}

/**
 * Starts writing; the returned promise settles when both files are in place. `inline` is
 * called for small jobs, and for large ones when the worker cannot start, at the moment the
 * caller chooses (so in-thread writing can overlap the PNG rasterisation).
 */
export function startDataJob(job: DataJob): { done: Promise<void>; runInlineIfNeeded: () => void } {
  if (valueCount(job) < WORKER_THRESHOLD) {
    let resolve!: () => void;
    let reject!: (e: unknown) => void;
    const done = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
    return {
      done,
      runInlineIfNeeded: () => {
        try {
          writeDataFiles(job);
          resolve();
        } catch (e) {
          reject(e);
        }
      },
    };
  }
  let fallback: (() => void) | undefined;
  const done = new Promise<void>((resolve, reject) => {
    let settled = false;
    let worker: WorkerThreads.Worker;
    try {
      // worker_threads loads here, not at import: most figures never need a worker, and
      // every session imports this package.
      const threads = createRequire(import.meta.url)('node:worker_threads') as typeof WorkerThreads;
      worker = new threads.Worker(workerUrl(), { workerData: job });
    } catch {
      fallback = (): void => {
        try {
          writeDataFiles(job);
          resolve();
        } catch (e) {
          reject(e);
        }
      };
      return;
    }
    worker.once('message', (m: { ok: boolean; code?: PltErrorCode; message?: string }) => {
      settled = true;
      if (m.ok) resolve();
      else
        reject(
          new PltError(m.code ?? 'PLT_IO_FAILED', m.message ?? 'writing the data files failed'),
        );
    });
    worker.once('error', () => {
      if (settled) return;
      settled = true;
      // The worker could not run (no loader for its file); do the work here instead.
      try {
        writeDataFiles(job);
        resolve();
      } catch (e) {
        reject(e);
      }
    });
    worker.once('exit', (code) => {
      if (!settled) {
        settled = true;
        reject(new PltError('PLT_IO_FAILED', `the data-writing worker exited with code ${code}`));
      }
    });
  });
  return { done, runInlineIfNeeded: () => fallback?.() };
}
