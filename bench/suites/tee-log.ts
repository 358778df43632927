/**
 * @scitex/tee-log: what capturing costs a script that prints a lot. 1e6 console.log lines
 * with tee on vs off, stdout redirected to a file, whole processes timed side by side in
 * one run (interleaved). Also checks that the log of the timed run is complete. And the
 * cost of one very long line without a newline (10, 40, 100 MiB), in-process: MiB/s must
 * not fall as the line grows.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { tee } from '@scitex/tee-log';
import { timeProcesses } from '../lib/process.ts';
import { fmtMs, summarize } from '../lib/stats.ts';
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

/**
 * MiB/s for one line of `mib` MiB written through a tee in 64 KiB pieces, then close();
 * the terminal side is a stream that discards, so only the log side is timed. With
 * `redraw`, the line starts after a `\r` (the overwrite path a progress bar takes).
 */
function longLine(dir: string, mib: number, redraw: boolean, runs: number): number {
  const piece = 'x'.repeat(64 * 1024);
  const pieces = (mib * 1024 * 1024) / piece.length;
  const speeds: number[] = [];
  for (let r = 0; r < runs; r++) {
    const discard = (): Writable => new Writable({ write: (_c, _e, cb) => cb() });
    const stdout = discard();
    const t0 = performance.now();
    const t = tee({ dir, streams: { stdout, stderr: discard() } });
    if (redraw) stdout.write('progress 0%\r');
    for (let i = 0; i < pieces; i++) stdout.write(piece);
    t.close();
    const s = (performance.now() - t0) / 1000;
    if (statSync(t.paths.stdout).size !== pieces * piece.length) {
      throw new Error(`long line: the ${mib} MiB log is incomplete`);
    }
    rmSync(dir, { recursive: true, force: true });
    speeds.push(mib / s);
  }
  return summarize(speeds).median;
}

function longLineFigures(tmp: string, quick: boolean): Figure[] {
  const sizes = quick ? [1, 4, 10] : [10, 40, 100];
  const figures: Figure[] = [];
  for (const redraw of [false, true]) {
    const what = redraw ? 'one line after a \\r redraw' : 'one line, no newline';
    const speeds = sizes.map((mib) => longLine(join(tmp, 'long'), mib, redraw, quick ? 1 : 3));
    const spread = Math.max(...speeds) / Math.min(...speeds);
    figures.push({
      figure: `tee, ${what}: MiB/s at ${sizes.join(' / ')} MiB (in-process, 64 KiB writes)`,
      measured: `${speeds.map((v) => v.toFixed(0)).join(' / ')} MiB/s (fastest/slowest ${spread.toFixed(2)}×)`,
      target: 'flat within 1.5×',
      value: spread,
      pass: spread <= 1.5,
    });
  }
  return figures;
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
    log('tee-log: one long line of 10, 40, 100 MiB');
    const long = longLineFigures(tmp, quick);
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
      ...long,
    ] satisfies Figure[];
  },
};

export default suite;
