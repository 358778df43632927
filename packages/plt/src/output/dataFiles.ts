/**
 * Writes `<stem>.csv` and `<stem>.vl.json` together, atomically, in one pass over the
 * data (see dataText.ts). Used in-thread for small figures and by the data worker for
 * large ones.
 */
import type { CsvColumn } from './csv.js';
import { openAtomic, type AtomicFile } from './files.js';
import type { Column } from '../marks/types.js';
import type { VegaLiteSpec } from '../spec/spec.js';
import { writeSpecAndCsv } from './specJson.js';

/** What the data files are made from. */
export interface DataJob {
  readonly spec: VegaLiteSpec;
  readonly datasets: ReadonlyArray<{ name: string; fields: Readonly<Record<string, Column>> }>;
  readonly columns: readonly CsvColumn[];
  readonly csvPath: string;
  readonly specPath: string;
}

/** Writes both files; on failure neither is left behind under its final name. */
export function writeDataFiles(job: DataJob): void {
  const csvFile = openAtomic(job.csvPath);
  let specFile: AtomicFile | undefined;
  try {
    specFile = openAtomic(job.specPath);
    const json = specFile;
    writeSpecAndCsv(job.spec, job.datasets, job.columns, {
      json: (t) => json.write(t),
      csv: (t) => csvFile.write(t),
    });
    csvFile.commit();
    specFile.commit();
  } catch (e) {
    csvFile.abort();
    specFile?.abort();
    throw e;
  }
}
