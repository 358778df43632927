// 200 processes start a session in the same output root at the same instant, each writes
// 1 000 log lines and closes: 200 distinct sessions, all finalized, not one line lost,
// none in the wrong log. Plain node on the built package (tsx would cost ~0.5 s a process).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@scitex/test-utils';
import { spawnNode, collectNode, type NodeRunResult } from './helpers/node.ts';
import { fixture } from './helpers/paths.ts';

const COUNT = 200;
const LINES = 1000;

async function together(out: string): Promise<NodeRunResult[]> {
  const children = Array.from({ length: COUNT }, () =>
    spawnNode(fixture('many.mjs'), { args: [out, String(LINES)], timeoutMs: 150_000 }),
  );
  const ready = children.map(
    (c) =>
      new Promise<void>((resolve) => {
        let seen = '';
        const onData = (d: Buffer): void => {
          seen += d.toString();
          if (seen.includes('ready\n')) {
            c.stdout!.off('data', onData);
            resolve();
          }
        };
        c.stdout!.on('data', onData);
        c.on('close', () => resolve());
      }),
  );
  const done = children.map((c) => collectNode(c, { timeoutMs: 150_000 }));
  await Promise.all(ready);
  for (const c of children) c.stdin!.end('go\n');
  return Promise.all(done);
}

describe('200 concurrent sessions into one output root', () => {
  it('200 distinct finalized sessions, every one of the 1 000 lines in each log', async () => {
    const tmp = useTempDir();
    const out = tmp.join('exp_out');
    const runs = await together(out);

    const results = runs.map((r) => {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '))!;
      return JSON.parse(line.slice('RESULT '.length)) as {
        pid: number;
        id: string;
        dir: string;
        status: string;
      };
    });
    expect(new Set(results.map((r) => r.dir)).size).toBe(COUNT);
    expect(results.every((r) => r.status === 'FINISHED_SUCCESS')).toBe(true);
    expect(readdirSync(join(out, 'FINISHED_SUCCESS'))).toHaveLength(COUNT);
    expect(existsSync(join(out, 'RUNNING'))).toBe(false);
    expect(existsSync(join(out, 'FINISHED_ERROR'))).toBe(false);

    for (const r of results) {
      expect(r.dir).toBe(join(out, 'FINISHED_SUCCESS', r.id));
      const config = JSON.parse(readFileSync(join(r.dir, 'CONFIGS', 'CONFIG.json'), 'utf8'));
      expect(config).toMatchObject({ ID: r.id, PID: r.pid, EXIT_STATUS: 0, SDIR_PATH: r.dir });
      const log = readFileSync(join(r.dir, 'logs', 'stdout.log'), 'utf8');
      const mine = log.split('\n').filter((l) => / line \d+ of this run$/.test(l));
      // Exactly this run's lines, in order: none lost, none doubled, none from a neighbour.
      expect(mine).toHaveLength(LINES);
      for (let i = 0; i < LINES; i++) {
        if (mine[i] !== `${r.pid} line ${i} of this run`) {
          expect.fail(`${r.dir}: line ${i} is ${JSON.stringify(mine[i])}`);
        }
      }
    }
  }, 180_000);
});
