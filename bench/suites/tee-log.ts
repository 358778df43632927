/**
 * @scitex/tee-log: what capturing costs a script that prints a lot. 1e6 console.log lines
 * with tee on vs off, stdout redirected to a file, whole processes timed side by side in
 * one run (interleaved). Also checks that the log of the timed run is complete.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { timeProcesses } from '../lib/process.ts';
import { fmtMs } from '../lib/stats.ts';
import type { Figure, Suite } from '../lib/types.ts';

const teeEntry = import.meta.resolve('@scitex/tee-log');

const printLoop = `const n = Number(process.env.LINES);
for (let i = 0; i < n; i++) console.log('epoch ' + (i % 100) + ' step ' + i + ' loss 0.' + (i % 9973));
`;

function scripts(dir: string): { off: string; on: string } {
  mkdirSync(dir, { recursive: true });
  const off = join(dir, 'off.mjs');
  const on = join(dir, 'on.mjs');
  writeFileSync(off, printLoop);
  writeFileSync(
    on,
    `import { tee } from ${JSON.stringify(teeEntry)};
const t = tee({ dir: process.env.LOGS });
${printLoop}t.close();
`,
  );
  return { off, on };
}

const suite: Suite = {
  name: 'tee-log',
  async run({ quick, tmp, log }) {
    const lines = quick ? 10_000 : 1_000_000;
    const s = scripts(join(tmp, 'scripts'));
    const logs = join(tmp, 'logs');
    const env = { LINES: String(lines), LOGS: logs };
    log(`tee-log: ${lines} console.log lines, tee off vs on, stdout to a file`);
    const [off, on] = timeProcesses(
      [
        { name: 'tee off', argv: [process.execPath, s.off], env, stdoutFile: join(tmp, 'off.out') },
        { name: 'tee on', argv: [process.execPath, s.on], env, stdoutFile: join(tmp, 'on.out') },
      ],
      { runs: quick ? 3 : 7, warmup: 1 },
    );
    const ratio = on!.median / off!.median;
    const logged = readFileSync(join(logs, 'stdout.log'), 'utf8');
    const terminal = readFileSync(join(tmp, 'on.out'), 'utf8');
    const complete = logged === terminal && logged.split('\n').length === lines + 1;
    return [
      {
        figure: `tee on vs off, ${lines.toExponential(0)} console.log lines (stdout to a file)`,
        measured: `${ratio.toFixed(2)}× (on ${fmtMs(on!)}, off ${fmtMs(off!)})`,
        target: '≤ 1.3×',
        value: ratio,
        pass: ratio <= 1.3,
      },
      {
        // Less sensitive to other load on a shared machine than the medians.
        figure: 'tee on vs off, fastest run of each',
        measured: `${(on!.min / off!.min).toFixed(2)}×`,
        target: '—',
        value: null,
        pass: null,
      },
      {
        figure: 'stdout.log of the timed run equals what reached stdout',
        measured: complete ? `yes (${lines} lines)` : 'NO',
        target: 'identical',
        value: null,
        pass: complete,
      },
    ] satisfies Figure[];
  },
};

export default suite;
