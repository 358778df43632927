/**
 * start(): opens a session — directory with lease, CONFIG, logs, seeds, figures, header,
 * snapshot, exit hooks — synchronously, so it also works from CommonJS and exit handlers.
 */
import { rmdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfigs, saveConfig, type LoadedConfigs } from '@scitex/config';
import type { Plt } from '@scitex/plt';
import { PltError } from '@scitex/plt/settings';
import { RandomStateManager } from '@scitex/rng';
import { createSessionDir, reconcile, resolveScript, type SessionDir } from '@scitex/sdir';
import { tee, type TeeHandle } from '@scitex/tee-log';
import { header } from './banner.js';
import { SessionError } from './errors.js';
import { installExitHooks } from './exitHooks.js';
import { guardPipes } from './pipeGuard.js';
import { hostInfo } from './host.js';
import { lazyPlt } from './lazyPlt.js';
import { resolveOptions, type ResolvedOptions, type StartOptions } from './options.js';
import { records } from './registry.js';
import type { SessionConfig } from './sessionConfig.js';
import { makeSession, type Session } from './session.js';
import { getActive, setActive, type SessionState } from './state.js';

/**
 * Starts a session for the running script. Returns the session, usable as an object
 * (`{ CONFIG, stdout, stderr, plt, CC, rng, close }`) or destructured in the seed's tuple
 * order (`[CONFIG, stdout, stderr, plt, CC, rng]`). Throws `SessionError`
 * (`SESSION_ALREADY_ACTIVE`, `SESSION_INVALID_OPTION`) or the error of the package that
 * failed (`ConfigError`, `SdirError`, `TeeError`, `RngError`) — before anything is left
 * half-done.
 */
export function start(options?: StartOptions): Session {
  const opts = resolveOptions(options);
  const open = getActive();
  if (open) {
    throw new SessionError(
      'SESSION_ALREADY_ACTIVE',
      `start(): session ${open.CONFIG.ID} is still open in this process (${open.runningDir}). ` +
        'Close it first with close(CONFIG) or session.close(); a process has one session at a time.',
    );
  }
  // Everything that can fail on bad input runs before the directory exists.
  const rng = new RandomStateManager({ seed: opts.seed });
  // Relative figure paths land inside the session, wherever it has moved to.
  const where: { CONFIG?: SessionConfig } = {};
  const plt = sessionPlt(opts, () => where.CONFIG!.SDIR_PATH);
  const loaded = loadConfigs({ dir: opts.configDir });
  const script = resolveScript(opts.file);
  const sd = createSessionDir({
    script: script.path,
    sdir: opts.sdir,
    suffix: opts.sdirSuffix,
    debug: loaded.debug,
  });

  let teeHandle: TeeHandle | null = null;
  let unguardPipes = (): void => {};
  let patched = false;
  try {
    if (opts.tee) teeHandle = tee({ dir: join(sd.dir, 'logs') });
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
    const opened = openSession(opts, sd, script.path, loaded, rng, teeHandle, unguardPipes);
    where.CONFIG = opened.state.CONFIG;
    setActive(opened.state);
    records.set(sd.id, {
      id: sd.id,
      config: opened.state.CONFIG,
      status: 'running',
      startTime: opened.state.CONFIG.START_TIME,
      dir: sd.dir,
      scriptPath: script.path,
    });
    opened.state.removeHooks = installExitHooks(opened.state);
    return makeSession(opened.state, plt);
  } catch (err) {
    // A failure here (the snapshot on a full disk, say) must not leave the process tee'd
    // and patched around a half-made session: undo it all, then throw.
    if (getActive()?.runningDir === sd.dir) setActive(null);
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
 * The session's plt, loaded on first use. Its options are checked now, so a value
 * @scitex/plt would refuse (a figure smaller than 20×15 mm, say) fails start() before
 * the session directory exists.
 */
function sessionPlt(opts: ResolvedOptions, baseDir: () => string): Plt {
  try {
    return lazyPlt({
      figSizeMm: opts.figSizeMm,
      dpiSave: opts.dpiSave,
      dpiDisplay: opts.dpiDisplay,
      hideTopRightSpines: opts.hideTopRightSpines,
      alpha: opts.alpha,
      lineWidth: opts.lineWidth,
      baseDir,
    });
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
  loaded: LoadedConfigs,
  rng: RandomStateManager,
  teeHandle: TeeHandle | null,
  unguardPipes: () => void,
): { state: SessionState } {
  const startTime = new Date();
  const CONFIG: SessionConfig = {
    ...loaded.config,
    ID: sd.id,
    PID: process.pid,
    START_TIME: startTime,
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
    CONFIG_FILES: loaded.sources,
  };

  const restoreMathRandom = opts.patchMathRandom ? rng.patchMathRandom() : null;
  const state: SessionState = {
    CONFIG,
    runningDir: sd.dir,
    name: sd.name,
    outRoot: sd.outRoot,
    tee: teeHandle,
    rng,
    restoreMathRandom,
    unguardPipes,
    lease: sd.lease,
    redact: opts.redactSecrets,
    verbose: opts.verbose,
    error: undefined,
    removeHooks: () => {},
    result: undefined,
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
        redact: opts.redactSecrets,
      },
      process.stdout,
    ),
  );
  if (opts.reconcile) {
    // Runs killed earlier (SIGKILL, OOM, power loss) are filed now that their owners are dead.
    try {
      const r = reconcile(sd.outRoot);
      for (const m of r.moved)
        process.stderr.write(`scitex: reconciled dead session ${m.name} → ${m.to} (${m.reason})\n`);
    } catch (err) {
      process.stderr.write(
        `scitex: could not reconcile ${sd.outRoot}: ${(err as Error).message}\n`,
      );
    }
  }
  // Written now, so a run killed before close still has its configuration on disk.
  // No fsync (nor in close()): the rename is atomic, so a killed process leaves a whole
  // file; only a power cut right after the write could lose it.
  saveConfig(CONFIG, join(sd.dir, 'CONFIGS'), { redact: opts.redactSecrets, fsync: false });
  return { state };
}
