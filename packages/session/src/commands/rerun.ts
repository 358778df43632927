/**
 * `scitex-session rerun <ID> [OUT_ROOT] [--force] [--compare]`: runs a recorded session's
 * script again — same node flags, script, arguments and working directory — with the
 * recorded seed and config snapshot (handed over in SCITEX_RERUN, see rerunRequest.ts),
 * into a new session in the same output root whose CONFIG names the run it repeats.
 *
 * Before running it checks that the code is the same (script sha256; git commit and diff
 * when recorded) and refuses with exit 2, listing what changed, unless --force. Dependency
 * differences are printed, not refused. Exit: the script's exit status (128+n for a
 * signal), or with --compare the exit status of compare (0 same, 1 different); 2 when it
 * refuses or the input is bad.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { loadSavedConfig } from '@scitex/config';
import {
  checkCode,
  collectCode,
  collectDeps,
  compareDeps,
  ProvenanceError,
  type CodeRecord,
  type DepsRecord,
} from '@scitex/provenance';
import type { CliIO } from '../cliMain.js';
import { RERUN_ENV, type RerunPayload } from '../rerunRequest.js';
import type { CommandHandle } from './commandHandle.js';
import { compareAndReport } from './compare.js';
import { findSession, LookupError, outRoots, sessionsIn } from './sessionLookup.js';

interface RerunOptions {
  force?: boolean;
  compare?: boolean;
  json?: boolean;
}

/** A refusal: printed, exit 2. */
class Refusal extends Error {}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The recorded command line, or (with --force, for sessions without one) the script alone. */
function commandLine(
  config: Record<string, unknown>,
  force: boolean,
  io: CliIO,
): { argv: string[]; execArgv: string[]; cwd: string | undefined } {
  const a = config['ARGV'];
  if (isRecord(a) && isStrings(a['argv']) && a['argv'].length > 0 && isStrings(a['execArgv'])) {
    const redacted = isStrings(a['redacted']) ? a['redacted'] : [];
    if (redacted.length > 0) {
      const names = redacted.map((n) => `--${n}`).join(', ');
      if (!force)
        throw new Refusal(
          `the command line held secret values (${names}), saved as ***: a rerun would pass *** in their place. Pass --force to run it so anyway.`,
        );
      io.stderr(`scitex-session: ${names} replayed as *** (--force)\n`);
    }
    return {
      argv: a['argv'],
      execArgv: a['execArgv'],
      cwd: typeof a['cwd'] === 'string' ? a['cwd'] : undefined,
    };
  }
  const file = config['FILE'];
  if (!force || typeof file !== 'string') {
    throw new Refusal(
      'this session has no recorded command line (CONFIG.ARGV): it was made before provenance was recorded, or with provenance: false. ' +
        (typeof file === 'string'
          ? `--force runs ${file} again without arguments or node flags.`
          : 'It cannot be rerun.'),
    );
  }
  io.stderr(`scitex-session: no recorded command line; running ${file} without arguments\n`);
  return { argv: [file], execArgv: [], cwd: undefined };
}

/** Refuses (or, with --force, warns) when the code is not the code that ran. */
function checkTheCode(
  config: Record<string, unknown>,
  dir: string,
  script: string,
  force: boolean,
  io: CliIO,
): void {
  const recorded = config['CODE'];
  if (!isRecord(recorded) || typeof recorded['sha256'] !== 'string') {
    if (!force)
      throw new Refusal(
        'this session recorded no code version (CONFIG.CODE), so the code cannot be checked. Pass --force to run it anyway.',
      );
    io.stderr('scitex-session: no recorded code version; running unchecked (--force)\n');
    return;
  }
  // The rerun takes its config from the snapshot, so edits of the config files do not count.
  const files = config['CONFIG_FILES'];
  const ignore = isRecord(files)
    ? Object.values(files).filter((f): f is string => typeof f === 'string')
    : [];
  const diffs = checkCode(recorded as unknown as CodeRecord, collectCode(script), { ignore });
  if (diffs.length === 0) return;
  const listed = diffs.map((d) => `  - ${d.message}`).join('\n');
  if (!force) {
    const git = isRecord(recorded['git']) ? recorded['git'] : undefined;
    const commit = typeof git?.['commit'] === 'string' ? git['commit'] : undefined;
    const back = commit
      ? `to get the recorded code back: git checkout ${commit.slice(0, 12)}${git?.['dirty'] === true ? ` && git apply ${join(dir, 'CONFIGS', 'git.diff')}` : ''}`
      : `the recorded sources are in ${join(dir, 'CONFIGS', 'source')}`;
    throw new Refusal(
      `the code changed since the run:\n${listed}\n${back}. Or pass --force to run the code as it is now (recorded as RERUN_FORCED).`,
    );
  }
  io.stderr(
    `scitex-session: the code changed since the run (running anyway, --force):\n${listed}\n`,
  );
}

function reportDeps(config: Record<string, unknown>, script: string, io: CliIO): void {
  const recorded = config['DEPS'];
  if (!isRecord(recorded)) return;
  const diffs = compareDeps(recorded as unknown as DepsRecord, collectDeps(dirname(script)));
  if (diffs.length === 0) return;
  io.stderr(
    `scitex-session: dependencies differ from the run (not refused):\n${diffs
      .map((d) => `  - ${d.name}: ${d.recorded ?? '(none)'} recorded, ${d.now ?? '(none)'} now`)
      .join('\n')}\n`,
  );
}

function exitCodeOf(r: ReturnType<typeof spawnSync>): number {
  if (r.status !== null) return r.status;
  const signo = r.signal ? constants.signals[r.signal] : undefined;
  return signo ? 128 + signo : 1;
}

/** The session the rerun made: new in `outRoot` since `before`, with RERUN_OF = `of`. */
function newSession(outRoot: string, before: Set<string>, of: string): string | null {
  const fresh = sessionsIn([outRoot]).filter((s) => !before.has(s.dir));
  for (const s of fresh) {
    try {
      if (loadSavedConfig(s.dir)['RERUN_OF'] === of) return s.dir;
    } catch {
      // Not readable: not the one.
    }
  }
  return fresh.length === 1 ? fresh[0]!.dir : null;
}

/** Adds `rerun` to `program`; read `handle.exitCode` after parsing. */
export function registerRerunCommand(program: Command, io: CliIO): CommandHandle {
  const handle: CommandHandle = { exitCode: undefined };
  program
    .command('rerun')
    .description(
      'run a session again with its recorded command line, seed and config, into a new session (refuses if the code changed)',
    )
    .argument('<ID>', 'session ID (full, unique prefix or 4-character tail) or session directory')
    .argument('[OUT_ROOT]', 'folder holding RUNNING/ and FINISHED_*/')
    .option('--force', 'run even though the code changed (recorded as RERUN_FORCED)')
    .option('--compare', 'then compare the new session with the original (exit code of compare)')
    .option('--json', 'with --compare: the comparison as JSON')
    .action((id: string, root: string | undefined, o: RerunOptions) => {
      try {
        handle.exitCode = rerun(id, root, o, io);
      } catch (err) {
        if (!(
          err instanceof Refusal ||
          err instanceof LookupError ||
          err instanceof ProvenanceError
        ))
          throw err;
        io.stderr(`scitex-session: rerun refused: ${err.message}\n`);
        handle.exitCode = 2;
      }
    });
  return handle;
}

function rerun(id: string, root: string | undefined, o: RerunOptions, io: CliIO): number {
  const force = o.force === true;
  const s = findSession(id, () => outRoots(root, io.cwd), io.cwd);
  if (s.status === 'running') {
    const owner = s.info?.owner;
    const dead = s.info?.alive === false;
    throw new Refusal(
      `session ${s.name} is still RUNNING${owner ? ` (pid ${owner.pid} on ${owner.hostname})` : ''}. ` +
        (dead
          ? `Its process is dead: run scitex-session reconcile ${dirname(dirname(s.dir))} to file it, then rerun.`
          : 'Wait until it has finished, then rerun it.'),
    );
  }
  const snapshot = join(s.dir, 'CONFIGS', 'CONFIG.json');
  let config: Record<string, unknown>;
  try {
    config = loadSavedConfig(snapshot);
  } catch (err) {
    throw new Refusal(
      `the recorded snapshot of ${s.name} cannot be read: ${(err as Error).message}`,
    );
  }
  const { argv, execArgv, cwd } = commandLine(config, force, io);
  const code = config['CODE'];
  const script = isRecord(code) && typeof code['script'] === 'string' ? code['script'] : argv[0]!;
  if (!statSync(script, { throwIfNoEntry: false })?.isFile()) {
    throw new Refusal(
      `the script ${script} is missing. Restore it (git checkout, or copy it back from ${join(s.dir, 'CONFIGS', 'source')} when it was recorded there), then rerun.`,
    );
  }
  checkTheCode(config, s.dir, script, force, io);
  reportDeps(config, script, io);

  const outRoot = dirname(dirname(s.dir));
  const seed = config['SEED'];
  const payload: RerunPayload = {
    of: typeof config['ID'] === 'string' ? config['ID'] : s.id,
    dir: s.dir,
    force,
    seed: typeof seed === 'number' ? seed : null,
    configSnapshot: snapshot,
    outRoot,
  };
  const before = new Set(sessionsIn([outRoot]).map((x) => x.dir));
  const runIn = cwd && existsSync(cwd) ? cwd : io.cwd;
  io.stderr(
    `scitex-session: rerunning ${s.name}${force ? ' (--force)' : ''}: node ${[...execArgv, ...argv].join(' ')}\n`,
  );
  const r = spawnSync(process.execPath, [...execArgv, ...argv], {
    cwd: runIn,
    env: { ...process.env, [RERUN_ENV]: JSON.stringify(payload) },
    stdio: 'inherit',
  });
  if (r.error) throw new Refusal(`could not start node: ${r.error.message}`);
  const exit = exitCodeOf(r);
  if (!o.compare) return exit;
  const made = newSession(outRoot, before, payload.of);
  if (!made) {
    throw new Refusal(
      `the rerun (exit ${exit}) left no new session in ${outRoot} to compare; did the script call start()?`,
    );
  }
  return compareAndReport(s.dir, made, o.json === true, io);
}
