/**
 * start(): opens a session — directory with lease, CONFIG, logs, seeds, figures, header,
 * snapshot, exit hooks — synchronously, so it also works from CommonJS and exit handlers.
 */
import { existsSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  ConfigError,
  isSecretKey,
  loadConfigs,
  OVERRIDE_ENV,
  saveConfig,
  type LoadedConfigs,
} from '@scitex/config';
import type { Plt } from '@scitex/plt';
import { PltError } from '@scitex/plt/settings';
import { collectProvenance, writeProvenanceFiles } from '@scitex/provenance';
import { RandomStateManager, type RandomStateManagerOptions } from '@scitex/rng';
import {
  checkSessionDir,
  createSessionDir,
  reconcile,
  resolveScript,
  sessionDirIdentity,
  type SessionDir,
} from '@scitex/sdir';
import { tee, type TeeHandle } from '@scitex/tee-log';
import { header } from './banner.js';
import { closeState } from './close.js';
import { SessionError } from './errors.js';
import { dropLingering, installExitHooks } from './exitHooks.js';
import { isExiting, processExitStatus } from './exitStatus.js';
import { guardPipes } from './pipeGuard.js';
import { hostInfo } from './host.js';
import { lazyPlt, type SaveTracker } from './lazyPlt.js';
import { resolveOptions, type ResolvedOptions, type StartOptions } from './options.js';
import { fileReconciled } from './reconciledSnapshot.js';
import { readRerunRequest } from './rerunRequest.js';
import { SESSION_KEYS, type SessionConfig } from './sessionConfig.js';
import { makeSession, type Session } from './session.js';
import { getActive, records, setActive, type SessionState } from './state.js';
import { sweepContext } from './sweep/context.js';
import { applyStartOverrides, type StartOverridesResult } from './sweep/startOverrides.js';
import { SWEEP_ENV } from './sweep/taskEnv.js';

/**
 * Starts a session for the running script. Returns the session, usable as an object
 * (`{ CONFIG, stdout, stderr, plt, CC, rng, close }`) or destructured in the seed's tuple
 * order (`[CONFIG, stdout, stderr, plt, CC, rng]`). Throws `SessionError`
 * (`SESSION_ALREADY_ACTIVE`, `SESSION_INVALID_OPTION`, `SESSION_NO_CWD`,
 * `SESSION_CONFIG_CONFLICT`) or the error of the package that failed (`ConfigError`,
 * `SdirError`, `TeeError`, `RngError`) — before anything is left half-done.
 */
export function start(options?: StartOptions): Session {
  return startSession(options, {});
}

/** What run() adds to start(): a check of the arguments once overrides are applied. */
export interface StartInternals {
  /** Returns a usage message when the (overridden) arguments are not valid. */
  checkArgs?: (args: Record<string, unknown>) => string | null;
}

/** start() with run()'s additions. */
export function startSession(options: StartOptions | undefined, internal: StartInternals): Session {
  const opts = resolveOptions(options);
  // `scitex-session rerun`: the recorded seed, config and output root (removed from env).
  const rerun = readRerunRequest();
  if (rerun) {
    if (rerun.seed !== undefined) opts.seed = rerun.seed;
    opts.sdir = rerun.outRoot;
  }
  const open = getActive();
  if (open) {
    throw new SessionError(
      'SESSION_ALREADY_ACTIVE',
      `start(): session ${open.CONFIG.ID} is still open in this process (${open.dir}). ` +
        'Close it first with close(CONFIG) or session.close(); a process has one session at a time.',
    );
  }
  checkCwd();
  dropLingering();
  // Everything that can fail on bad input runs before the directory exists.
  // Relative figure paths land inside the session, wherever it has moved to — never
  // through a folder that was swapped for a symlink, never into a re-created one.
  const where: { state?: SessionState } = {};
  const plt = sessionPlt(
    opts,
    () => {
      const st = where.state!;
      checkSessionDir(st.dir, st.identity);
      return st.dir;
    },
    (path, done) => {
      const st = where.state;
      if (!st) return;
      const entry = { path, done };
      st.pending.add(entry);
      done.then(
        () => st.pending.delete(entry),
        () => st.pending.delete(entry),
      );
    },
  );
  const script = resolveScript(opts.file);
  // A rerun takes its namespaces from the recorded snapshot (CONFIG_FILES says so) and
  // names the folder they were first read from, so its header reads as the original's.
  const configDir = rerun ? rerun.configDir : findConfigDir(opts, script.dir);
  const loaded: LoadedConfigs = rerun
    ? { config: rerun.config, sources: rerun.sources, debug: rerun.debug }
    : loadConfigs({ dir: configDir ?? resolve('config') });
  checkNamespaces(loaded);
  const sweep = sweepContext();
  const sweepRoot = sweep ? sweepOutRoot() : undefined;
  const given = applyOverridesOrExit(opts, loaded, internal.checkArgs);
  opts.seed = given.seed;
  const rng = new RandomStateManager({
    seed: given.seed,
    algorithm: opts.rngAlgorithm as RandomStateManagerOptions['algorithm'],
  });
  // Read once: processes this run starts are not tasks of the sweep themselves.
  delete process.env[OVERRIDE_ENV];
  delete process.env[SWEEP_ENV];
  const sd = createSessionDir({
    script: script.path,
    sdir: opts.sdir ?? sweepRoot,
    suffix: opts.sdirSuffix,
    debug: loaded.debug,
  });

  let teeHandle: TeeHandle | null = null;
  let unguardPipes = (): void => {};
  let patched = false;
  try {
    // The session handles the signals itself (exitHooks.ts) and closes the tee there.
    if (opts.tee) teeHandle = tee({ dir: join(sd.dir, 'logs'), signals: false });
    const teeOn = teeHandle !== null;
    unguardPipes = guardPipes((name) => {
      process.stderr.write(
        `scitex: the reader of ${name} went away (EPIPE); the run goes on` +
          (teeOn
            ? ` and its ${name} is kept in logs/${name}.log\n`
            : ` and its ${name} is discarded\n`),
      );
    });
    patched = opts.patchMathRandom;
    const state = openSession(
      opts,
      sd,
      script.path,
      configDir,
      { ...loaded, config: given.config },
      rng,
      teeHandle,
      unguardPipes,
    );
    where.state = state;
    const { CONFIG } = state;
    CONFIG.ARGS = given.args;
    if (opts.provenance) recordProvenance(CONFIG, sd.dir, opts.redactSecrets);
    if (rerun) {
      CONFIG.RERUN_OF = rerun.of;
      CONFIG.RERUN_FORCED = rerun.force;
    }
    if (given.overrides.length > 0) CONFIG.OVERRIDES = given.overrides;
    if (sweep) CONFIG.SWEEP = { ...sweep.SWEEP };
    // Written now, so a run killed before close still has its configuration on disk.
    // No fsync (nor in close()): the rename is atomic, so a killed process leaves a whole
    // file; only a power cut right after the write could lose it.
    saveConfig(CONFIG, join(sd.dir, 'CONFIGS'), { redact: opts.redactSecrets, fsync: false });
    setActive(state);
    records.set(sd.id, {
      id: sd.id,
      config: state.CONFIG,
      status: 'running',
      startTime: state.CONFIG.START_TIME,
      dir: sd.dir,
      scriptPath: script.path,
    });
    // Under a sweep, SIGUSR1 is the scheduler's "you are about to be stopped" (sbatch
    // --signal=B:USR1@grace): the run records it and ends truthfully.
    state.hooks = installExitHooks(state, sweep ? 'SIGUSR1' : undefined);
    // Started from an 'exit' listener: no hook of ours can run after it, so the session
    // is filed now with the exit status the process is ending with; what the listener
    // prints still goes to the logs, and a close() later files it again if it differs.
    if (isExiting()) closeState(state, { exitStatus: processExitStatus() }, { provisional: true });
    return makeSession(state, plt);
  } catch (err) {
    // A failure here (the snapshot on a full disk, say) must not leave the process tee'd
    // and patched around a half-made session: undo it all, then throw.
    const state = where.state;
    if (state && getActive() === state) setActive(null);
    state?.hooks.remove();
    records.delete(sd.id);
    unguardPipes();
    teeHandle?.close();
    if (patched) rng.restoreMathRandom();
    sd.lease?.stop();
    rmSync(sd.dir, { recursive: true, force: true });
    try {
      rmdirSync(dirname(sd.dir));
    } catch {
      // Other sessions are running in it.
    }
    throw err;
  }
}

/**
 * The config, arguments and seed with `SCITEX_SET` and `--set` applied. An override the
 * run cannot take (a key no config file or argument defines, a bad value) is a usage
 * error, like a bad command-line option: the message and exit 2, before any directory.
 */
function applyOverridesOrExit(
  opts: ResolvedOptions,
  loaded: LoadedConfigs,
  checkArgs: StartInternals['checkArgs'],
): StartOverridesResult {
  let given: StartOverridesResult;
  try {
    given = applyStartOverrides({
      config: loaded.config,
      args: { ...(opts.args ?? {}) },
      seed: opts.seed,
      set: opts.set,
    });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`scitex: ${err.message}\n`);
    process.exit(2);
  }
  // Declared run() options that were not given are present (undefined) only so that an
  // override may address them; they are not kept.
  for (const [k, v] of Object.entries(given.args)) if (v === undefined) delete given.args[k];
  const problem = checkArgs?.(given.args);
  if (problem) {
    process.stderr.write(`scitex: ${problem}\n`);
    process.exit(2);
  }
  if (!Number.isInteger(given.seed) || given.seed < 0 || given.seed >= 2 ** 32) {
    process.stderr.write(
      `scitex: SEED must be an integer in [0, 2^32), got ${String(given.seed)}\n`,
    );
    process.exit(2);
  }
  return given;
}

/**
 * ARGV, CODE and DEPS (see @scitex/provenance), and CONFIGS/git.diff or CONFIGS/source/.
 * A failure here costs the record, never the run: it is said on stderr.
 */
function recordProvenance(CONFIG: SessionConfig, dir: string, redact: boolean): void {
  try {
    const p = collectProvenance({
      script: CONFIG.FILE,
      argv: process.argv.slice(1),
      execArgv: process.execArgv,
      isSecret: redact ? isSecretKey : undefined,
    });
    writeProvenanceFiles(p, join(dir, 'CONFIGS'));
    Object.assign(CONFIG, p);
  } catch (err) {
    process.stderr.write(`scitex: provenance not recorded: ${(err as Error).message}\n`);
  }
}

/** The output root a sweep asks its tasks to use. */
function sweepOutRoot(): string | undefined {
  try {
    const root = (JSON.parse(process.env[SWEEP_ENV] ?? '{}') as { root?: unknown }).root;
    return typeof root === 'string' && root !== '' ? root : undefined;
  } catch {
    return undefined;
  }
}

/** A deleted current directory fails every relative path: say so, with a code. */
function checkCwd(): void {
  try {
    process.cwd();
  } catch (cause) {
    throw new SessionError(
      'SESSION_NO_CWD',
      'start(): the current directory no longer exists (it was deleted or moved away); cd to an existing directory and run the script again',
      { cause },
    );
  }
}

/**
 * The config folder: `configDir` when given; else `./config` in the current directory,
 * or, when there is none, `config/` next to the script (so `node proj/exp.js` run from
 * elsewhere still finds its namespaces). Null when there is none.
 */
function findConfigDir(opts: ResolvedOptions, scriptDir: string): string | null {
  if (opts.configDir !== undefined) return resolve(opts.configDir);
  for (const dir of [resolve('config'), join(scriptDir, 'config')]) {
    if (existsSync(dir)) return dir;
  }
  return null;
}

/** A config file named like a key the session sets (ARGS.yaml, SEED.yaml…) would be lost. */
function checkNamespaces(loaded: LoadedConfigs): void {
  for (const ns of Object.keys(loaded.config)) {
    if (!SESSION_KEYS.includes(ns)) continue;
    const file = loaded.sources[ns] ?? ns;
    throw new SessionError(
      'SESSION_CONFIG_CONFLICT',
      `start(): ${file} would become CONFIG.${ns}, which the session sets itself (${SESSION_KEYS.join(', ')}). Rename the file, e.g. ${ns}_PARAMS.yaml.`,
    );
  }
}

/**
 * The session's plt, loaded on first use. Its options are checked now, so a value
 * @scitex/plt would refuse (a figure smaller than 20×15 mm, say) fails start() before
 * the session directory exists.
 */
function sessionPlt(opts: ResolvedOptions, baseDir: () => string, track: SaveTracker): Plt {
  try {
    return lazyPlt(
      {
        figSizeMm: opts.figSizeMm,
        dpiSave: opts.dpiSave,
        dpiDisplay: opts.dpiDisplay,
        hideTopRightSpines: opts.hideTopRightSpines,
        alpha: opts.alpha,
        lineWidth: opts.lineWidth,
        baseDir,
      },
      undefined,
      track,
    );
  } catch (err) {
    if (!(err instanceof PltError)) throw err;
    throw new SessionError('SESSION_INVALID_OPTION', `start(): ${err.message}`, { cause: err });
  }
}

/** CONFIG, header, reconcile and the first snapshot of a session whose directory exists. */
function openSession(
  opts: ResolvedOptions,
  sd: SessionDir,
  scriptPath: string,
  configDir: string | null,
  loaded: LoadedConfigs,
  rng: RandomStateManager,
  teeHandle: TeeHandle | null,
  unguardPipes: () => void,
): SessionState {
  const startedAt = performance.now();
  const CONFIG: SessionConfig = {
    ...loaded.config,
    ID: sd.id,
    PID: process.pid,
    START_TIME: new Date(),
    FILE: scriptPath,
    SDIR: sd.dir + '/',
    SDIR_PATH: sd.dir,
    SDIR_OUT: sd.outRoot,
    ARGS: { ...(opts.args ?? {}) },
    EXIT_STATUS: null,
    SEED: opts.seed,
    RNG: null,
    HOST: hostInfo(),
    DEBUG: loaded.debug,
    CONFIG_DIR: configDir,
    CONFIG_FILES: loaded.sources,
  };

  const restoreMathRandom = opts.patchMathRandom ? rng.patchMathRandom() : null;
  const state: SessionState = {
    CONFIG,
    dir: sd.dir,
    identity: sessionDirIdentity(sd.dir),
    name: sd.name,
    outRoot: sd.outRoot,
    startedAt,
    tee: teeHandle,
    teeKept: false,
    rng,
    restoreMathRandom,
    unguardPipes,
    lease: sd.lease,
    redact: opts.redactSecrets,
    verbose: opts.verbose,
    error: undefined,
    metrics: null,
    pending: new Set(),
    filing: null,
    hooks: { release: () => {}, remove: () => {} },
    result: undefined,
    provisional: false,
  };
  CONFIG.RNG = rng.toJSON();

  process.stdout.write(
    header(
      {
        id: sd.id,
        pid: process.pid,
        file: scriptPath,
        sdir: sd.dir,
        args: opts.args,
        seed: opts.seed,
        configDir,
        configFiles: Object.keys(loaded.sources).length,
        redact: opts.redactSecrets,
      },
      process.stdout,
    ),
  );
  if (opts.reconcile) {
    // Runs killed earlier (SIGKILL, OOM, power loss) are filed now that their owners are dead.
    try {
      const r = reconcile(sd.outRoot, { onFiled: fileReconciled });
      for (const m of r.moved)
        process.stderr.write(`scitex: reconciled dead session ${m.name} → ${m.to} (${m.reason})\n`);
    } catch (err) {
      process.stderr.write(
        `scitex: could not reconcile ${sd.outRoot}: ${(err as Error).message}\n`,
      );
    }
  }
  return state;
}
