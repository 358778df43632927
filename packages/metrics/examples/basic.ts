import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMetrics, readMetrics } from '@scitex/metrics';

const dir = mkdtempSync(join(tmpdir(), 'metrics-example-'));
const metrics = openMetrics(dir); // appends to <dir>/metrics.csv

for (let epoch = 0; epoch < 3; epoch++) {
  // No step given: each name counts its own steps, 0, 1, 2…
  metrics.log({ loss: 1 / (epoch + 1), 'val,acc': 0.5 + epoch / 10 });
}
metrics.log({ lr: 0.001 }, { step: 100 });
console.log(metrics.last()); //=> { loss: 0.3333333333333333, 'val,acc': 0.7, lr: 0.001 }
metrics.close(); // optional: buffered values are also written when the process ends

// Long form, one value per line; the time column is ISO-8601 UTC.
const lines = readFileSync(metrics.path, 'utf8').split('\n');
for (const line of lines.slice(0, 4)) console.log(line.replace(/[\d-]+T[\d:.]+Z$/, '<time>'));
//=> step,name,value,time
//=> 0,loss,1,<time>
//=> 0,"val,acc",0.5,<time>
//=> 1,loss,0.5,<time>

// Read back: one series per name.
for (const s of readMetrics(dir).series) console.log(s.name, s.steps, s.values);
//=> loss [ 0, 1, 2 ] [ 1, 0.5, 0.3333333333333333 ]
//=> val,acc [ 0, 1, 2 ] [ 0.5, 0.6, 0.7 ]
//=> lr [ 100 ] [ 0.001 ]

rmSync(dir, { recursive: true, force: true });
