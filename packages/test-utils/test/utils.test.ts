import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CaptureStream,
  collect,
  makeTempDir,
  runFixture,
  spawnFixture,
  useTempDir,
  waitForOutput,
} from '../src/index.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

describe('temp dirs', () => {
  it('creates a directory and removes it on cleanup', () => {
    const dir = makeTempDir();
    writeFileSync(dir.join('a.txt'), 'x');
    expect(existsSync(join(dir.path, 'a.txt'))).toBe(true);
    dir.cleanup();
    expect(existsSync(dir.path)).toBe(false);
    dir.cleanup();
  });

  it('useTempDir gives a fresh empty directory', () => {
    const dir = useTempDir();
    expect(existsSync(dir.path)).toBe(true);
  });
});

describe('fixtures', () => {
  it('runs a TypeScript fixture and reports its exit code and output', async () => {
    const r = await runFixture(join(fixtures, 'exit-code.ts'), {
      args: ['3'],
      env: { FIXTURE_NOTE: 'hi' },
    });
    expect(r).toMatchObject({ code: 3, signal: null, stdout: 'out:typed\n', stderr: 'err:hi\n' });
  });

  it('can send stdout to a file', async () => {
    const dir = useTempDir();
    const file = dir.join('out.txt');
    const r = await runFixture(join(fixtures, 'exit-code.ts'), { stdoutFile: file });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('out:typed\n');
  });

  it('reports the signal a child died of', async () => {
    const child = spawnFixture(join(fixtures, 'wait-signal.ts'));
    const done = collect(child);
    await waitForOutput(child, 'ready');
    child.kill('SIGTERM');
    const r = await done;
    expect(r).toMatchObject({ code: null, signal: 'SIGTERM' });
  });
});

describe('CaptureStream', () => {
  it('records every chunk', async () => {
    const s = new CaptureStream({ isTTY: true });
    s.write('a');
    s.write(Buffer.from('é'));
    await new Promise<void>((r) => s.end(r));
    expect(s.text()).toBe('aé');
    expect(s.chunks).toHaveLength(2);
    expect(s.isTTY).toBe(true);
  });
});
