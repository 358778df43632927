/**
 * Worker-thread entry: writes a large figure's CSV and spec while the main thread draws
 * it, so saving a million points costs little more than drawing them on a 2-core machine.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeDataFiles, type DataJob } from './output/dataFiles.js';

try {
  writeDataFiles(workerData as DataJob);
  parentPort?.postMessage({ ok: true });
} catch (e) {
  const err = e as { code?: string; message?: string };
  parentPort?.postMessage({ ok: false, code: err.code, message: err.message ?? String(e) });
}
