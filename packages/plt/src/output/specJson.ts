/**
 * Writes a spec with inline data as JSON text without first boxing every data point into
 * an object: the spec is pretty-printed, each data row goes on its own line.
 */
import type { CsvColumn } from './csv.js';
import { writeDataText } from './dataText.js';
import type { Column } from '../marks/types.js';
import type { VegaLiteSpec } from '../spec/spec.js';

const MARK = '@@scitex-plt-datasets@@';
// `datasets` is the last key, so its placeholder is the last occurrence.
const HOLE = `"datasets": "${MARK}"`;

type Datasets = ReadonlyArray<{ name: string; fields: Readonly<Record<string, Column>> }>;

/** The spec's JSON text up to and after its `datasets` value. */
function frame(spec: VegaLiteSpec): [string, string] {
  const head = JSON.stringify({ ...spec, datasets: MARK }, null, 2);
  const at = head.lastIndexOf(HOLE) + '"datasets": '.length;
  return [head.slice(0, at), head.slice(at + HOLE.length - '"datasets": '.length) + '\n'];
}

/**
 * Produces the spec JSON (and, when `csv` is given, the CSV) in one pass; the texts go to
 * `out.json` / `out.csv` piece by piece.
 */
export function writeSpecAndCsv(
  spec: VegaLiteSpec,
  datasets: Datasets,
  csv: readonly CsvColumn[] | undefined,
  out: { json: (text: string | Uint8Array) => void; csv?: (text: string) => void },
): void {
  const [before, after] = frame(spec);
  out.json(before);
  if (datasets.length === 0) {
    writeDataText(csv ?? [], [], out.csv ? { csv: out.csv } : {});
    out.json('{}' + after);
    return;
  }
  // The first dataset's rows stream straight out; later ones wait for their turn, kept as
  // bytes (a retained rope of small strings would be promoted and copied by the GC).
  const later: Buffer[][] = datasets.map(() => []);
  let firstHasRows = false;
  out.json(`{\n    ${JSON.stringify(datasets[0]!.name)}: [`);
  writeDataText(csv ?? [], datasets, {
    ...(csv && out.csv ? { csv: out.csv } : {}),
    rows: (i, text, first) => {
      if (i === 0) {
        out.json(first ? `\n${text}` : `,\n${text}`);
        firstHasRows = true;
      } else later[i]!.push(Buffer.from(first ? text : `,\n${text}`, 'utf8'));
    },
  });
  out.json(firstHasRows ? '\n    ]' : ']');
  for (let i = 1; i < datasets.length; i++) {
    out.json(`,\n    ${JSON.stringify(datasets[i]!.name)}: `);
    const rows = later[i]!;
    if (rows.length === 0) out.json('[]');
    else {
      out.json('[\n');
      for (const r of rows) out.json(r);
      out.json('\n    ]');
    }
  }
  out.json('\n  }' + after);
}

/** JSON text of `spec` with `datasets` inlined. */
export function specToJson(spec: VegaLiteSpec, datasets: Datasets): string {
  const chunks: string[] = [];
  writeSpecAndCsv(spec, datasets, undefined, {
    json: (t) => chunks.push(typeof t === 'string' ? t : Buffer.from(t).toString('utf8')),
  });
  return chunks.join('');
}
