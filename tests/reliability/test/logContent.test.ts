// What the clean log holds for awkward output inside a session: a 10 MiB line, binary
// bytes, and an escape sequence, a UTF-8 character or a progress bar cut off by the end of
// the run. The terminal side always gets the exact bytes.
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@scitex/test-utils';
import { runNode } from './helpers/node.ts';
import { fixture } from './helpers/paths.ts';
import { onlySession } from './helpers/sessions.ts';

async function run(mode: string, verbose = true) {
  const tmp = useTempDir();
  const out = tmp.join('exp_out');
  const r = await runNode(fixture('output.mjs'), {
    args: [mode],
    cwd: tmp.path,
    env: { OUT: out, VERBOSE: verbose ? '1' : '0' },
  });
  expect(r.code, r.stderr).toBe(0);
  const s = onlySession(out);
  expect(s.folder).toBe('FINISHED_SUCCESS');
  return { r, s };
}

/** The log after the 'before' line, up to the closing message (or the end). */
function body(log: string): string {
  const from = log.indexOf('before\n') + 'before\n'.length;
  const to = log.indexOf('\n:)\n', from);
  return log.slice(from, to === -1 ? undefined : to);
}

describe('awkward output in the log', () => {
  it('a single 10 MiB line in one write: in the log byte for byte, on one line', async () => {
    const { r, s } = await run('long-line');
    const line = 'y'.repeat(10 * 2 ** 20);
    expect(body(s.stdout!)).toBe(line + '\n');
    expect(r.stdout).toContain(line + '\n');
  });

  it('a 10 MiB line written in 1 024 pieces: one line in the log', async () => {
    const { s } = await run('long-line-chunked');
    expect(body(s.stdout!)).toBe('z'.repeat(10 * 1024 * 1024) + '\n');
  });

  it('binary bytes: the terminal gets them exactly; the log stays valid UTF-8 text (U+FFFD), no control bytes, the next line intact', async () => {
    const { r, s } = await run('binary');
    const all = Buffer.alloc(256 * 4);
    for (let i = 0; i < all.length; i++) all[i] = i % 256;
    expect(r.stdoutBytes.includes(all)).toBe(true);
    const log = s.stdout!;
    expect(Buffer.from(log, 'utf8').toString('utf8')).toBe(log);
    expect(log).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(log).toContain('\uFFFD');
    expect(log).toContain('\nafter binary\n');
    expect(log).toContain(`Session ${s.name} FINISHED_SUCCESS`);
  });

  for (const verbose of [true, false]) {
    const where = verbose ? 'before the closing message' : 'at the very end of the log';
    it(`a CSI escape cut ${where}: dropped, the text before it and the closing lines intact`, async () => {
      const { r, s } = await run('cut-csi', verbose);
      expect(r.stdout).toContain('plain text \x1b[3');
      expect(s.stdout).not.toMatch(/\x1b/);
      expect(s.stdout).toContain('plain text ');
      if (verbose)
        expect(s.stdout).toMatch(
          new RegExp(`\\nSession ${s.name} FINISHED_SUCCESS, exit status 0`),
        );
      else
        expect(s.stdout!.endsWith('plain text ') || s.stdout!.endsWith('plain text \n')).toBe(true);
    });

    it(`an OSC title cut ${where}: dropped, cannot swallow the lines after it`, async () => {
      const { s } = await run('cut-osc', verbose);
      expect(s.stdout).not.toMatch(/\x1b|window title/);
      expect(s.stdout).toContain('plain text ');
      if (verbose) expect(s.stdout).toContain(`Session ${s.name} FINISHED_SUCCESS, exit status 0`);
    });

    it(`a UTF-8 character cut ${where}: U+FFFD, nothing after it lost`, async () => {
      const { s } = await run('cut-utf8', verbose);
      expect(s.stdout).toContain('plain text \uFFFD');
      if (verbose) expect(s.stdout).toContain(`Session ${s.name} FINISHED_SUCCESS, exit status 0`);
    });

    it(`a \\r progress bar without a newline ${where}: only its final state`, async () => {
      const { s } = await run('cut-progress', verbose);
      expect(s.stdout).toContain('progress 100%');
      expect(s.stdout).not.toContain('progress 10%');
      expect(s.stdout).not.toContain('progress 55%');
      if (verbose) expect(s.stdout).toContain(`Session ${s.name} FINISHED_SUCCESS, exit status 0`);
    });
  }
});
