import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CaptureStream, useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { TeeError, pipeChild, tee } from '../src/index.ts';

const childScript = `
process.stdout.write('\\x1b[32mchild ok\\x1b[0m\\n');
for (let i = 0; i <= 4; i++) process.stderr.write('\\rchild ' + i * 25 + '%');
process.stderr.write('\\n');
const euro = Buffer.from('€ done\\n');
process.stdout.write(euro.subarray(0, 1));
setTimeout(() => process.stdout.write(euro.subarray(1)), 20);
`;

describe('pipeChild()', () => {
  it("sends a child's piped output through the tee: terminal unchanged, logs clean", async () => {
    const dir = useTempDir();
    const streams = { stdout: new CaptureStream(), stderr: new CaptureStream() };
    const t = tee({ dir: dir.path, streams });
    streams.stdout.write('parent before\n');
    const child = spawn(process.execPath, ['-e', childScript], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await pipeChild(child, t);
    streams.stdout.write('parent after\n');
    t.close();
    expect(streams.stdout.text()).toBe(
      'parent before\n\x1b[32mchild ok\x1b[0m\n€ done\nparent after\n',
    );
    expect(streams.stderr.text()).toBe('\rchild 0%\rchild 25%\rchild 50%\rchild 75%\rchild 100%\n');
    expect(readFileSync(t.paths.stdout, 'utf8')).toBe(
      'parent before\nchild ok\n€ done\nparent after\n',
    );
    expect(readFileSync(t.paths.stderr, 'utf8')).toBe('child 100%\n');
  });

  it('refuses a child without piped output (stdio "inherit" cannot be seen)', () => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    let err: unknown;
    try {
      void pipeChild(child);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TeeError);
    expect((err as TeeError).code).toBe('TEE_INVALID_OPTION');
    expect((err as TeeError).message).toContain("stdio: ['inherit', 'pipe', 'pipe']");
  });

  it('refuses a handle that did not come from tee()', () => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: ['ignore', 'pipe', 'ignore'] });
    const fake = {
      paths: { stdout: '', stderr: '' },
      flush() {},
      close() {},
      [Symbol.dispose]() {},
    };
    expect(() => pipeChild(child, fake)).toThrow(TeeError);
    child.stdout?.resume();
  });
});
