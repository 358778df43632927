/**
 * The `scitex-session` command: list, show and reconcile the sessions of an output root;
 * rerun and compare sessions; sweeps; the offline report. Each command beyond the first
 * three lives in its own module and registers itself here.
 * Exit codes: 0 done, 1 nothing found, a difference or a failure, 2 bad usage.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { reconcile, scanSessions, type SessionInfo } from '@scitex/sdir';
import { registerCompareCommand } from './commands/compare.js';
import { registerRerunCommand } from './commands/rerun.js';
import { findSession, LookupError, outRoots } from './commands/sessionLookup.js';
import { fileReconciled } from './reconciledSnapshot.js';
import { registerReportCommand } from './report/command.js';
import { formatRunTime } from './runTime.js';
import { registerSweepCommand } from './sweep/command.js';
import { VERSION } from './version.js';
import { textTable } from './textTable.js';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

class CliFailure extends Error {}

function runTimeOf(s: SessionInfo): string {
  if (!s.startTime) return '';
  const end = s.endTime ?? (s.status === 'running' ? new Date() : undefined);
  return end ? formatRunTime(end.getTime() - s.startTime.getTime()) : '';
}

function localTime(d: Date | undefined): string {
  if (!d) return '';
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function collect(roots: string[]): {
  sessions: SessionInfo[];
  skipped: { path: string; reason: string }[];
} {
  const sessions: SessionInfo[] = [];
  const skipped: { path: string; reason: string }[] = [];
  for (const root of roots) {
    const r = scanSessions(root);
    sessions.push(...r.sessions);
    skipped.push(...r.skipped);
  }
  sessions.sort(
    (a, b) =>
      (b.startTime?.getTime() ?? 0) - (a.startTime?.getTime() ?? 0) || b.name.localeCompare(a.name),
  );
  return { sessions, skipped };
}

function tail(file: string, lines: number): string | null {
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all.slice(-lines).join('\n');
}

/** Runs the CLI with `argv` (after the program name); resolves to the exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const program = new Command('scitex-session')
    .description('List, inspect and reconcile @scitex experiment sessions.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run scitex-session --help for usage)');

  program
    .command('list')
    .description('sessions of an output root, newest first')
    .argument(
      '[OUT_ROOT]',
      'folder holding RUNNING/ and FINISHED_*/ (default: the current folder or its *_out folders)',
    )
    .option('--json', 'machine-readable output')
    .action((root: string | undefined, o: { json?: boolean }) => {
      const { sessions, skipped } = collect(outRoots(root, io.cwd));
      if (o.json) {
        io.stdout(JSON.stringify({ sessions, skipped }, null, 2) + '\n');
        return;
      }
      if (sessions.length === 0) io.stdout('no sessions\n');
      else {
        const rows = [['ID', 'STATUS', 'STARTED', 'RUN TIME', 'EXIT']];
        for (const s of sessions) {
          const status =
            s.status === 'running' && s.alive === false ? 'running (owner dead)' : s.status;
          rows.push([
            s.name,
            status,
            localTime(s.startTime),
            runTimeOf(s),
            s.exitStatus === undefined || s.exitStatus === null ? '' : String(s.exitStatus),
          ]);
        }
        io.stdout(textTable(rows));
      }
      for (const s of sessions)
        if (s.notes?.length) io.stderr(`note ${s.name}: ${s.notes.join('; ')}\n`);
      for (const s of skipped) io.stderr(`skipped ${s.path}: ${s.reason}\n`);
    });

  program
    .command('show')
    .description('one session: its snapshot and the tails of its logs')
    .argument('<ID>', 'session ID: full, a unique prefix, or the 4-character tail')
    .argument('[OUT_ROOT]', 'folder holding RUNNING/ and FINISHED_*/')
    .option('--json', 'machine-readable output')
    .option('-n, --lines <n>', 'log lines to show', '20')
    .action((id: string, root: string | undefined, o: { json?: boolean; lines: string }) => {
      const found = findSession(id, () => outRoots(root, io.cwd), io.cwd);
      const s = found.info ?? {
        name: found.name,
        id: found.id,
        dir: found.dir,
        status: found.status,
      };
      const n = Math.max(0, Number.parseInt(o.lines, 10) || 20);
      const snapshot = tail(join(s.dir, 'CONFIGS', 'CONFIG.yaml'), Number.MAX_SAFE_INTEGER);
      const stdout = tail(join(s.dir, 'logs', 'stdout.log'), n);
      const stderr = tail(join(s.dir, 'logs', 'stderr.log'), n);
      if (o.json) {
        io.stdout(JSON.stringify({ session: s, snapshot, stdout, stderr }, null, 2) + '\n');
        return;
      }
      io.stdout(`${s.name}  ${s.status}  ${s.dir}\n`);
      if ('reconciled' in s && s.reconciled)
        io.stdout(`reconciled: ${JSON.stringify(s.reconciled)}\n`);
      io.stdout(`\n--- CONFIGS/CONFIG.yaml\n${snapshot ?? '(missing)'}\n`);
      io.stdout(`\n--- logs/stdout.log (last ${n} lines)\n${stdout ?? '(missing)'}\n`);
      io.stdout(`\n--- logs/stderr.log (last ${n} lines)\n${stderr ?? '(missing)'}\n`);
    });

  program
    .command('reconcile')
    .description(
      'file RUNNING sessions whose owner died (SIGKILL, OOM, power loss) under FINISHED_ERROR',
    )
    .argument('[OUT_ROOT]', 'folder holding RUNNING/ and FINISHED_*/')
    .option('--json', 'machine-readable output')
    .action((root: string | undefined, o: { json?: boolean }) => {
      // Each filed session's snapshot gets its END_TIME (last sign of life) and why.
      const results = outRoots(root, io.cwd).map((r) => ({
        root: r,
        ...reconcile(r, { onFiled: fileReconciled }),
      }));
      if (o.json) {
        io.stdout(JSON.stringify(results, null, 2) + '\n');
        return;
      }
      for (const r of results) {
        for (const m of r.moved) io.stdout(`moved ${m.name} → ${m.to} (${m.reason})\n`);
        io.stdout(`${r.root}: ${r.moved.length} moved, ${r.alive.length} still running\n`);
        for (const s of r.skipped) io.stderr(`skipped ${s.path}: ${s.reason}\n`);
      }
    });

  const handles = [
    registerRerunCommand(program, io),
    registerCompareCommand(program, io),
    registerSweepCommand(program, io),
  ];
  registerReportCommand(program, io);

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof CliFailure || e instanceof LookupError) {
      io.stderr(`scitex-session: ${e.message}\n`);
      return 1;
    }
    io.stderr(`scitex-session: ${(e as Error).message}\n`);
    return 1;
  }
  return handles.find((h) => h.exitCode !== undefined)?.exitCode ?? 0;
}
