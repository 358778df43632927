/**
 * @scitex/sdir: closing a session is one rename, so a session holding 10 000 files
 * (1 GiB) closes as fast as an empty one; start-up cost (create + reconcile) with an
 * output root already holding many sessions.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createSessionDir,
  finalizeSessionDir,
  reconcile,
  scanSessions,
  type SessionDir,
} from '@scitex/sdir';
import { fmtMs, summarize, type Summary } from '../lib/stats.js';
import type { BenchContext, Figure, Suite } from '../lib/types.js';

const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;

/** Like fmtMs, in microseconds when under a millisecond (a rename takes ~100 µs). */
function fmt(x: Summary): string {
  if (x.median >= 1) return fmtMs(x);
  const us = (v: number): string => `${(v * 1000).toFixed(0)} µs`;
  return `${us(x.median)} [${us(x.min)}–${us(x.max)}]`;
}

/** A RUNNING session holding `files` files of `bytes` bytes each, in 100-file folders. */
function filledSession(root: string, files: number, bytes: number): SessionDir {
  const s = createSessionDir({ sdir: root, lease: { heartbeatMs: 0 } });
  const chunk = Buffer.alloc(bytes, 0x5a);
  for (let i = 0; i < files; i++) {
    const sub = join(s.dir, `d${Math.floor(i / 100)}`);
    if (i % 100 === 0) mkdirSync(sub);
    writeFileSync(join(sub, `f${i}.bin`), chunk);
  }
  return s;
}

/** Times finalizeSessionDir on the same session `runs` times, moving it back in between. */
function timeFinalize(sessions: SessionDir[], runs: number): Summary[] {
  const samples: number[][] = sessions.map(() => []);
  for (let i = 0; i < runs + 3; i++) {
    sessions.forEach((s, k) => {
      mkdirSync(join(s.outRoot, 'RUNNING'), { recursive: true });
      const t0 = process.hrtime.bigint();
      const dest = finalizeSessionDir(s.dir, 0);
      const t = ms(t0);
      if (i >= 3) samples[k]!.push(t); // the first runs warm up
      mkdirSync(join(s.outRoot, 'RUNNING'), { recursive: true });
      renameSync(dest, s.dir);
    });
  }
  return samples.map(summarize);
}

/** An output root holding `finished` finished sessions and `running` live ones. */
function populatedRoot(root: string, finished: number, running: number): SessionDir[] {
  const live: SessionDir[] = [];
  for (let i = 0; i < finished; i++) {
    const s = createSessionDir({ sdir: root, lease: false });
    mkdirSync(join(s.dir, 'CONFIGS'));
    writeFileSync(
      join(s.dir, 'CONFIGS', 'CONFIG.json'),
      JSON.stringify({ ID: s.id, EXIT_STATUS: 0 }),
    );
    finalizeSessionDir(s.dir, 0);
  }
  for (let i = 0; i < running; i++) {
    const s = createSessionDir({ sdir: root, lease: { heartbeatMs: 0 } });
    live.push(s);
  }
  return live;
}

function timeStartup(root: string, runs: number): Summary {
  const samples: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const t0 = process.hrtime.bigint();
    const s = createSessionDir({ sdir: root });
    reconcile(root);
    const t = ms(t0);
    if (i >= 3) samples.push(t);
    s.lease?.stop();
    finalizeSessionDir(s.dir, 0);
  }
  return summarize(samples);
}

const suite: Suite = {
  name: 'sdir',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const figures: Figure[] = [];
    const files = ctx.quick ? 200 : 10_000;
    // 1 GiB in 10 000 files when the disk has room for it (and twice over to be safe).
    const free = statfsSync(ctx.tmp).bavail * statfsSync(ctx.tmp).bsize;
    const bytes = ctx.quick ? 1024 : free > 4 * 2 ** 30 ? 2 ** 30 / files : 1024;
    const total = files * bytes;
    const size =
      total >= 2 ** 30
        ? `${(total / 2 ** 30).toFixed(0)} GiB`
        : `${(total / 2 ** 20).toFixed(1)} MiB`;

    ctx.log(`sdir: writing a session of ${files} files (${size})`);
    const root = join(ctx.tmp, 'finalize');
    const full = filledSession(root, files, bytes);
    const empty = createSessionDir({ sdir: root, lease: { heartbeatMs: 0 } });
    // Write the gigabyte back first, or its writeback stalls every metadata operation
    // (both sides alike) while it runs.
    spawnSync('sync');
    const runs = ctx.quick ? 10 : 50;
    const [tFull, tEmpty] = timeFinalize([full, empty], runs) as [Summary, Summary];
    const ratio = tFull.median / tEmpty.median;
    figures.push({
      figure: `finalizeSessionDir: session of ${files} files (${size}) vs an empty one`,
      measured: `${ratio.toFixed(2)}× (full ${fmt(tFull)}, empty ${fmt(tEmpty)}; ${runs} runs each)`,
      target: '≤ 1.5× (same time; the original copies: 0.75–8 s)',
      value: ratio,
      pass: ratio <= 1.5,
    });

    const sizes = ctx.quick ? [0, 100, 1000] : [0, 1000, 10_000];
    for (const n of sizes) {
      ctx.log(`sdir: start-up with ${n} finished sessions in the root`);
      const r = join(ctx.tmp, `startup-${n}`);
      populatedRoot(r, n, 0);
      const t = timeStartup(r, ctx.quick ? 10 : 30);
      figures.push({
        figure: `createSessionDir + reconcile, ${n} finished sessions in the output root`,
        measured: fmt(t),
        target: 'informational',
        value: null,
        pass: null,
      });
      if (n === sizes[sizes.length - 1]) {
        const t0 = process.hrtime.bigint();
        const found = scanSessions(r).sessions.length;
        figures.push({
          figure: `scanSessions over ${found} finished sessions (one run)`,
          measured: `${ms(t0).toFixed(0)} ms`,
          target: 'informational',
          value: null,
          pass: null,
        });
      }
    }
    const liveN = ctx.quick ? 100 : 1000;
    ctx.log(`sdir: start-up with ${liveN} live RUNNING sessions`);
    const liveRoot = join(ctx.tmp, 'live');
    const live = populatedRoot(liveRoot, 0, liveN);
    const tLive = timeStartup(liveRoot, ctx.quick ? 5 : 20);
    figures.push({
      figure: `createSessionDir + reconcile, ${liveN} live RUNNING sessions (each lease judged)`,
      measured: fmt(tLive),
      target: 'informational',
      value: null,
      pass: null,
    });
    for (const s of live) s.lease?.stop();
    return figures;
  },
};

export default suite;
