// The output root is a file, missing, read-only, or on a disk that is (or becomes) full.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@scitex/test-utils';
import { mountUnavailable, runOnTmpfs } from './helpers/mounts.ts';
import { runNode, type NodeRunResult } from './helpers/node.ts';
import { fixture } from './helpers/paths.ts';
import { layout, onlySession, tree } from './helpers/sessions.ts';

const script = fixture('disk.mjs');
const noMount = mountUnavailable();
const isRoot = process.getuid?.() === 0;

interface Report {
  threw?: { name: string; code: string; message: string; cause?: string };
  stdoutRestored?: boolean;
  mathRandomRestored?: boolean;
  id?: string;
  closed?: { dir: string; status: string; exitStatus: number };
}

function reportOf(r: NodeRunResult): Report {
  const line = r.stderr.split('\n').find((l) => l.startsWith('REPORT '));
  if (!line) throw new Error(`no report; exit ${r.code}, stderr:\n${r.stderr}`);
  return JSON.parse(line.slice('REPORT '.length)) as Report;
}

function expectCleanFailure(rep: Report, code: string): void {
  expect(rep.threw).toMatchObject({ name: 'SdirError', code });
  expect(rep.stdoutRestored).toBe(true);
  expect(rep.mathRandomRestored).toBe(true);
}

describe('the output root', () => {
  it('is a file: SDIR_CREATE_FAILED naming it, the file and its folder untouched', async () => {
    const tmp = useTempDir();
    writeFileSync(tmp.join('exp_out'), 'my notes\n');
    const before = tree(tmp.path);
    const r = await runNode(script, { env: { ROOT: tmp.join('exp_out') }, cwd: tmp.path });
    expect(r.code).toBe(1);
    const rep = reportOf(r);
    expectCleanFailure(rep, 'SDIR_CREATE_FAILED');
    expect(rep.threw!.message).toContain(
      `${tmp.join('exp_out')}: it exists and is not a directory`,
    );
    expect(tree(tmp.path)).toEqual(before);
    expect(readFileSync(tmp.join('exp_out'), 'utf8')).toBe('my notes\n');
  });

  it('is missing, three levels deep: created, the session finishes there', async () => {
    const tmp = useTempDir();
    const root = tmp.join('a', 'b', 'c', 'exp_out');
    const r = await runNode(script, { env: { ROOT: root }, cwd: tmp.path });
    expect(r.code).toBe(0);
    const s = onlySession(root);
    expect(s.folder).toBe('FINISHED_SUCCESS');
    expect(s.stdout).toContain(`late line 99 ${'.'.repeat(96)}\n`);
  });

  it('is read-only: SDIR_CREATE_FAILED with the cause, nothing created or changed', async (ctx) => {
    const tmp = useTempDir();
    let r: NodeRunResult;
    let root: string;
    let after: string[];
    const existing = ['exp_out/', 'exp_out/FINISHED_SUCCESS/', 'exp_out/FINISHED_SUCCESS/old.txt'];
    if (!isRoot) {
      root = tmp.join('exp_out');
      mkdirSync(join(root, 'FINISHED_SUCCESS'), { recursive: true });
      writeFileSync(join(root, 'FINISHED_SUCCESS', 'old.txt'), 'kept');
      chmodSync(root, 0o555);
      ctx.onTestFinished(() => chmodSync(root, 0o755));
      r = await runNode(script, { env: { ROOT: root }, cwd: tmp.path });
      after = tree(tmp.path);
    } else if (noMount === null) {
      // Root ignores permission bits; a read-only file system stops it.
      mkdirSync(tmp.join('mnt'));
      mkdirSync(tmp.join('copy'));
      root = tmp.join('mnt', 'exp_out');
      r = await runOnTmpfs(
        {
          mountPoint: tmp.join('mnt'),
          size: '1m',
          prepare:
            'mkdir -p "$MNT/exp_out/FINISHED_SUCCESS" && echo kept > "$MNT/exp_out/FINISHED_SUCCESS/old.txt"',
          readOnly: true,
          copyTo: tmp.join('copy'),
          env: { ROOT: root },
        },
        script,
        [],
      );
      after = tree(tmp.join('copy'));
    } else {
      console.log(
        `[reliability] skipped the read-only output root: running as root and ${noMount}`,
      );
      ctx.skip();
      return;
    }
    expect(r.code).toBe(1);
    const rep = reportOf(r);
    expectCleanFailure(rep, 'SDIR_CREATE_FAILED');
    expect(rep.threw!.message).toContain(join(root, 'RUNNING'));
    expect(['EROFS', 'EACCES']).toContain(rep.threw!.cause);
    expect(after).toEqual(existing);
  });
});

function expectPrefixOfLateLines(log: string): void {
  expect(log).not.toContain('\0');
  const late = log.split('\n').filter((l) => l.startsWith('late line'));
  expect(late.length).toBeLessThan(100);
  const want = late.map((_, i) => `late line ${i} ${'.'.repeat(96)}`);
  // The write that met the full disk may have stored part of its line.
  expect(late.slice(0, -1)).toEqual(want.slice(0, -1));
  if (late.length > 0) expect(want.at(-1)!.startsWith(late.at(-1)!)).toBe(true);
}

describe.skipIf(noMount !== null)('a full disk (1 MiB tmpfs)', () => {
  if (noMount !== null) console.log(`[reliability] skipped the full-disk cases: ${noMount}`);

  async function onFullDisk(mode: string) {
    const tmp = useTempDir();
    mkdirSync(tmp.join('disk'));
    mkdirSync(tmp.join('copy'));
    const root = tmp.join('disk', 'exp_out');
    const r = await runOnTmpfs(
      {
        mountPoint: tmp.join('disk'),
        size: '1m',
        copyTo: tmp.join('copy'),
        env: { ROOT: root, FILL_DIR: tmp.join('disk') },
      },
      script,
      [mode],
    );
    return { r, copy: join(tmp.join('copy'), 'exp_out') };
  }

  it('full before start(): SDIR_CREATE_FAILED (the lease cannot be written), nothing half-made', async () => {
    const { r, copy } = await onFullDisk('fill-before');
    expect(r.code).toBe(1);
    const rep = reportOf(r);
    expectCleanFailure(rep, 'SDIR_CREATE_FAILED');
    expect(rep.threw!.cause).toBe('ENOSPC');
    expect(rep.threw!.message).toMatch(/could not create lease in .*RUNNING\/\S+: ENOSPC/);
    // The output root itself stays (it was asked for); no session, no RUNNING/.
    expect(tree(copy)).toEqual([]);
  });

  it('fills during the run, then close(): SESSION_CLOSE_FAILED; filed by status, start snapshot and logs up to the fill kept', async () => {
    const { r, copy } = await onFullDisk('fill-during');
    // close() throws; nobody catches it in this script.
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("code: 'SESSION_CLOSE_FAILED'");
    expect(r.stderr).toMatch(
      /could not save the final CONFIG snapshot; the session is filed in \S+\/FINISHED_SUCCESS\/\S+ with the snapshot written at start: .*ENOSPC/,
    );
    expect(r.stderr).toMatch(
      /\[@scitex\/tee-log\] writing \S+\/logs\/std(out|err)\.log failed \(ENOSPC.*that log stops here/,
    );
    // The terminal got everything.
    expect(r.stdout).toContain(`late line 99 ${'.'.repeat(96)}\n`);
    const s = onlySession(copy);
    expect(s.folder).toBe('FINISHED_SUCCESS');
    expect(layout(copy).RUNNING).toEqual([]);
    // The snapshot is the complete one written at start (atomic: never half a file).
    expect(s.config).toMatchObject({ ID: s.name, EXIT_STATUS: null });
    // Everything flushed before the disk filled is kept; after it, what still fit in the
    // file's last block, in order, without holes — then the log stops.
    expect(s.stdout).toContain('early line 99\n');
    expectPrefixOfLateLines(s.stdout!);
  });

  it('fills during the run, then frees: the logs held meanwhile are written, nothing lost', async () => {
    const { r, copy } = await onFullDisk('fill-then-free');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /\[@scitex\/tee-log\] writing \S+\/logs\/stdout\.log failed \(ENOSPC.*kept in memory .* written when there is room again\./,
    );
    expect(r.stderr).toMatch(
      /\[@scitex\/tee-log\] writing \S+\/logs\/stdout\.log works again; nothing was lost\./,
    );
    const s = onlySession(copy);
    expect(s.folder).toBe('FINISHED_SUCCESS');
    expect(s.config).toMatchObject({ ID: s.name, EXIT_STATUS: 0 });
    const want = [
      ...Array.from({ length: 100 }, (_, i) => `early line ${i}`),
      ...Array.from({ length: 100 }, (_, i) => `late line ${i} ${'.'.repeat(96)}`),
      'room again',
    ];
    // In order, whole, nothing between them: the held lines went where they belong.
    const lines = s.stdout!.split('\n');
    const from = lines.indexOf('early line 0');
    expect(lines.slice(from, from + want.length)).toEqual(want);
    expect(s.stdout).not.toContain('\0');
  });

  it('fills during the run, the script just ends: reported on stderr, exit 0, filed as FINISHED_SUCCESS', async () => {
    const { r, copy } = await onFullDisk('fill-during-end');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/scitex: close\(\): could not save the final CONFIG snapshot.*ENOSPC/);
    const s = onlySession(copy);
    expect(s.folder).toBe('FINISHED_SUCCESS');
    expect(s.config).toMatchObject({ ID: s.name, EXIT_STATUS: null });
    expect(s.stdout).toContain('early line 99\n');
  });
});
