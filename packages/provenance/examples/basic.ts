import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkCode,
  collectCode,
  collectProvenance,
  compareSessions,
  writeProvenanceFiles,
} from '@scitex/provenance';

// A script outside git (in git, CODE.git holds commit, branch, dirty and the diff's hash).
const dir = mkdtempSync(join(tmpdir(), 'provenance-'));
const script = join(dir, 'exp.mjs');
writeFileSync(script, 'console.log("pi is", Math.PI);\n');

const record = collectProvenance({ script, argv: [script, '--lr', '0.1'], execArgv: [] });
console.log(record.ARGV.argv.slice(1), record.CODE.sha256.slice(0, 12), record.CODE.source?.files);
//=> [ '--lr', '0.1' ] a58bd149d417 [ 'exp.mjs' ]

// Outside git the script's own source files are copied next to the CONFIG snapshot.
console.log(writeProvenanceFiles(record, join(dir, 'CONFIGS')));
//=> [ 'source/exp.mjs' ]

// What rerun checks before running again: is this still the code that ran?
writeFileSync(script, 'console.log("pi is", 3.14);\n');
console.log(checkCode(record.CODE, collectCode(script)).map((d) => d.what));
//=> [ 'script' ]

// Two sessions (as start() and close() leave them) compared: parameters, files, logs.
function session(id: string, lr: number, result: string): string {
  const s = join(dir, 'exp_out', 'FINISHED_SUCCESS', id);
  mkdirSync(join(s, 'CONFIGS'), { recursive: true });
  mkdirSync(join(s, 'logs'));
  const config = { ID: id, PID: process.pid, PARAMS: { lr }, EXIT_STATUS: 0 };
  writeFileSync(join(s, 'CONFIGS', 'CONFIG.json'), JSON.stringify(config));
  writeFileSync(join(s, 'logs', 'stdout.log'), `${id} done in 1.2 s\n`);
  writeFileSync(join(s, 'result.csv'), result);
  return s;
}
const a = session('2025Y-11M-18D-07h53m37s_Z5MR', 0.1, 'step,loss\n1,0.50\n');
const b = session('2025Y-11M-18D-07h59m01s_k2Qa', 0.2, 'step,loss\n1,0.45\n');
const c = compareSessions(a, b);
console.log(c.same, c.logs.stdout, c.params);
//=> false same [ { key: 'PARAMS.lr', a: 0.1, b: 0.2 } ]
console.log(JSON.stringify(c.files));
//=> [{"path":"result.csv","status":"different","maxAbsDiff":0.04999999999999999}]

console.log(readdirSync(join(dir, 'CONFIGS', 'source')));
//=> [ 'exp.mjs' ]
rmSync(dir, { recursive: true });
