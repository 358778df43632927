// Junk in the output root — stray files, foreign directories, a symlink, a corrupt
// CONFIG.json, a half-written lease, a session folder that is a file — next to a run that
// was SIGKILLed. scan, the CLI's list/reconcile and a new run all survive it, say what they
// skipped, file the dead run, and leave every piece of junk as it was.
import { mkdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@scitex/test-utils';
import { SessionManager } from '@scitex/session';
import { LEASE_FILE } from '@scitex/sdir';
import { collectNode, runNode, spawnNode } from './helpers/node.ts';
import { cliPath, fixture } from './helpers/paths.ts';
import { layout, tree } from './helpers/sessions.ts';

const CORRUPT = '2025Y-11M-18D-07h53m37s_CoRR';
const HALF_LEASE = '2025Y-11M-18D-07h53m38s_HaLF';
const OLD_NO_LEASE = '2025Y-11M-16D-07h53m39s_OLDx';
const LINKED = '2025Y-11M-18D-07h53m40s_LiNK';
const EMPTY = '2025Y-11M-18D-07h53m41s_EMPT';

/** Junk and damaged sessions; returns the junk paths (relative) that must never change. */
function plantJunk(out: string): Record<string, string> {
  const w = (rel: string, text: string): void => {
    mkdirSync(join(out, rel, '..'), { recursive: true });
    writeFileSync(join(out, rel), text);
  };
  w('notes.txt', 'user notes beside the status folders');
  w('RUNNING/stray.txt', 'stray');
  mkdirSync(join(out, 'RUNNING', 'my-backup'));
  w(`RUNNING/${HALF_LEASE}/${LEASE_FILE}`, '{"version":1,"pid":12');
  w(`RUNNING/${OLD_NO_LEASE}/logs/stdout.log`, 'started long ago\n');
  const twoDaysAgo = new Date(Date.now() - 48 * 3_600_000);
  for (const p of [
    `RUNNING/${OLD_NO_LEASE}/logs/stdout.log`,
    `RUNNING/${OLD_NO_LEASE}/logs`,
    `RUNNING/${OLD_NO_LEASE}`,
  ])
    utimesSync(join(out, p), twoDaysAgo, twoDaysAgo);
  symlinkSync('/', join(out, 'RUNNING', LINKED));
  w(`FINISHED_SUCCESS/${CORRUPT}/CONFIGS/CONFIG.json`, '{"ID": "2025Y-11M-18D-07h5');
  w(`FINISHED_SUCCESS/${CORRUPT}/logs/stdout.log`, 'a finished run\n');
  w('FINISHED_SUCCESS/archive.tar.gz', '\x1f\x8b binary');
  mkdirSync(join(out, 'FINISHED_SUCCESS', 'old_runs'));
  mkdirSync(join(out, 'FINISHED_ERROR', EMPTY), { recursive: true });
  w('FINISHED', 'a file where a status folder should be');
  const keep: Record<string, string> = {};
  for (const p of [
    'notes.txt',
    'RUNNING/stray.txt',
    `RUNNING/${HALF_LEASE}/${LEASE_FILE}`,
    `FINISHED_SUCCESS/${CORRUPT}/CONFIGS/CONFIG.json`,
    'FINISHED_SUCCESS/archive.tar.gz',
    'FINISHED',
  ])
    keep[p] = readFileSync(join(out, p), 'latin1');
  return keep;
}

/** IDs drawn by the runs of this test (the planted ones are dated 2025). */
const isFreshId = (n: string): boolean =>
  /^\d{4}Y-\d\dM-\d\dD-\d\dh\d\dm\d\ds_\w{4}$/.test(n) && !n.startsWith('2025Y');

async function sigkilledRun(out: string): Promise<string> {
  const child = spawnNode(fixture('exit-path.mjs'), { args: ['wait'], env: { OUT: out } });
  const done = collectNode(child);
  await new Promise<void>((resolve) => {
    let seen = '';
    child.stderr!.on('data', (d: Buffer) => {
      seen += d.toString();
      if (seen.includes('waiting')) resolve();
    });
  });
  child.kill('SIGKILL');
  await done;
  const killed = layout(out).RUNNING.filter(isFreshId);
  expect(killed).toHaveLength(1);
  return killed[0]!;
}

const cli = (args: string[], cwd: string) => runNode(cliPath, { args, cwd });

describe('junk in the output root', () => {
  it('scan, list, reconcile and a new run survive it, report it and leave it alone', async () => {
    const tmp = useTempDir();
    const out = tmp.join('exp_out');
    mkdirSync(out);
    const killed = await sigkilledRun(out);
    const keep = plantJunk(out);
    const skippedReasons = {
      [join(out, 'notes.txt')]: undefined, // user files beside the folders are not junk
      [join(out, 'RUNNING', 'stray.txt')]: 'not a directory',
      [join(out, 'RUNNING', 'my-backup')]: 'not a session directory name',
      [join(out, 'RUNNING', LINKED)]: 'symlink; not followed',
      [join(out, 'FINISHED_SUCCESS', 'archive.tar.gz')]: 'not a directory',
      [join(out, 'FINISHED_SUCCESS', 'old_runs')]: 'not a session directory name',
      [join(out, 'FINISHED')]: 'not a directory',
    };

    // scan: every session, notes on the damaged ones, junk skipped with reasons.
    const scan = SessionManager.scan(out);
    const byName = Object.fromEntries(scan.sessions.map((s) => [s.name, s]));
    expect(Object.keys(byName).sort()).toEqual(
      [CORRUPT, EMPTY, HALF_LEASE, OLD_NO_LEASE, killed].sort(),
    );
    expect(byName[CORRUPT]!.notes!.join()).toMatch(/CONFIG\.json: corrupt JSON/);
    expect(byName[HALF_LEASE]!.notes!.join()).toMatch(/lease unreadable/);
    expect(byName[HALF_LEASE]!.alive).toBeNull();
    expect(byName[OLD_NO_LEASE]!.notes).toContain('no lease');
    expect(byName[killed]!).toMatchObject({ status: 'running', alive: false });
    for (const [path, reason] of Object.entries(skippedReasons)) {
      const hit = scan.skipped.find((s) => s.path === path);
      if (reason === undefined) expect(hit).toBeUndefined();
      else expect(hit?.reason, path).toBe(reason);
    }

    // CLI list: exit 0, the table, one "skipped" line per piece of junk on stderr.
    const list = await cli(['list', out], tmp.path);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`${killed}\\s+running \\(owner dead\\)`));
    expect(list.stdout).toContain(CORRUPT);
    expect(list.stderr).toMatch(new RegExp(`note ${CORRUPT}: .*CONFIG\\.json: corrupt JSON`));
    for (const [path, reason] of Object.entries(skippedReasons))
      if (reason) expect(list.stderr).toContain(`skipped ${path}: ${reason}\n`);
    const json = JSON.parse((await cli(['list', '--json', out], tmp.path)).stdout);
    expect(json.sessions).toHaveLength(5);
    expect(json.skipped.length).toBeGreaterThanOrEqual(6);

    // CLI show on the damaged session still shows what there is.
    const show = await cli(['show', CORRUPT, out], tmp.path);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('a finished run');

    // CLI reconcile: files the SIGKILLed run and the long-idle one without a lease; leaves
    // the half-written lease (its owner may still be writing it) and says why.
    const rec = await cli(['reconcile', out], tmp.path);
    expect(rec.code).toBe(0);
    expect(rec.stdout).toMatch(new RegExp(`moved ${killed} → .*FINISHED_ERROR.* \\(.*\\)`));
    expect(rec.stdout).toMatch(
      new RegExp(`moved ${OLD_NO_LEASE} → .*\\(no lease and no activity for 48 h\\)`),
    );
    expect(rec.stdout).toContain(': 2 moved, 0 still running\n');
    expect(rec.stderr).toContain(`skipped ${join(out, 'RUNNING', 'stray.txt')}: not a directory`);
    expect(rec.stderr).toMatch(
      new RegExp(
        `skipped ${join(out, 'RUNNING', HALF_LEASE)}: lease unreadable .*filed after 15 min`,
      ),
    );

    // A new run in the same root is not disturbed by any of it.
    const run = await runNode(fixture('exit-path.mjs'), { args: ['close'], env: { OUT: out } });
    expect(run.code).toBe(0);
    const l = layout(out);
    expect(l.FINISHED_SUCCESS.filter(isFreshId)).toHaveLength(1);
    expect(l.FINISHED_ERROR.sort()).toEqual([EMPTY, OLD_NO_LEASE, killed].sort());
    expect(l.RUNNING.sort()).toEqual([HALF_LEASE, LINKED, 'my-backup', 'stray.txt'].sort());

    // Every piece of junk is byte for byte what it was.
    for (const [p, text] of Object.entries(keep))
      expect(readFileSync(join(out, p), 'latin1'), p).toBe(text);
    expect(tree(join(out, 'FINISHED_SUCCESS', 'old_runs'))).toEqual([]);
  });

  it('a missing or non-directory output root: list and reconcile exit 1 with a message, scan reports it', async () => {
    const tmp = useTempDir();
    writeFileSync(tmp.join('file_out'), 'x');
    for (const sub of ['list', 'reconcile']) {
      const missing = await cli([sub, tmp.join('nope')], tmp.path);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/does not exist/);
      const file = await cli([sub, tmp.join('file_out')], tmp.path);
      expect(file.code).toBe(1);
      expect(file.stderr).toMatch(/is not a directory/);
    }
    expect(SessionManager.scan(tmp.join('file_out'))).toEqual({
      sessions: [],
      skipped: [{ path: tmp.join('file_out'), reason: 'output root is not a directory' }],
    });
    expect(SessionManager.reconcile(tmp.join('nope'))).toEqual({
      moved: [],
      alive: [],
      skipped: [],
      removedStaging: [],
    });
  });
});
