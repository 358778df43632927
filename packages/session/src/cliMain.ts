/**
 * The `scitex-session` command: list, show and reconcile the sessions of an output root.
 * Exit codes: 0 done, 1 nothing found or a failure, 2 bad usage.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { reconcile, scanSessions, type SessionInfo } from '@scitex/sdir';
import { formatRunTime } from './runTime.js';
import { VERSION } from './version.js';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

const STATUS_DIRS = ['RUNNING', 'FINISHED_SUCCESS', 'FINISHED_ERROR', 'FINISHED'];

class CliFailure extends Error {}

/** Output roots to look at: the one given, the cwd if it is one, else every `*_out` folder in the cwd. */
function outRoots(given: string | undefined, cwd: string): string[] {
  if (given) {
    const root = resolve(cwd, given);
    if (!existsSync(root))
      throw new CliFailure(
        `${root} does not exist. Pass the output root (the folder holding RUNNING/ and FINISHED_*/).`,
      );
    if (!statSync(root).isDirectory())
      throw new CliFailure(
        `${root} is not a directory. Pass the output root (the folder holding RUNNING/ and FINISHED_*/).`,
      );
    return [root];
  }
  if (STATUS_DIRS.some((d) => existsSync(join(cwd, d)))) return [cwd];
  const found = readdirSync(cwd, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name.endsWith('_out'))
    .map((e) => join(cwd, e.name));
  if (found.length === 0) {
    throw new CliFailure(
      `no output root in ${cwd}: no RUNNING/ or FINISHED_*/ here and no *_out folder. Pass one: scitex-session list path/to/exp_out`,
    );
  }
  return found;
}

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

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return (
    rows
      .map((r) =>
        r
          .map((c, i) => c.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
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

/** Runs the CLI with `argv` (after the program name); returns the exit code. */
export function runCli(argv: string[], io: CliIO): number {
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
        io.stdout(table(rows));
      }
      for (const s of sessions)
        if (s.notes?.length) io.stderr(`note ${s.name}: ${s.notes.join('; ')}\n`);
      for (const s of skipped) io.stderr(`skipped ${s.path}: ${s.reason}\n`);
    });

  program
    .command('show')
    .description('one session: its snapshot and the tails of its logs')
    .argument('<ID>', 'session ID or directory name (a unique prefix is enough)')
    .argument('[OUT_ROOT]', 'folder holding RUNNING/ and FINISHED_*/')
    .option('--json', 'machine-readable output')
    .option('-n, --lines <n>', 'log lines to show', '20')
    .action((id: string, root: string | undefined, o: { json?: boolean; lines: string }) => {
      const { sessions } = collect(outRoots(root, io.cwd));
      const exact = sessions.filter((s) => s.id === id || s.name === id);
      const matches = exact.length ? exact : sessions.filter((s) => s.name.startsWith(id));
      if (matches.length === 0)
        throw new CliFailure(
          `no session ${JSON.stringify(id)}. Run scitex-session list to see the IDs.`,
        );
      if (matches.length > 1)
        throw new CliFailure(
          `${JSON.stringify(id)} matches ${matches.length} sessions: ${matches.map((m) => m.name).join(', ')}. Give more of the ID.`,
        );
      const s = matches[0]!;
      const n = Math.max(0, Number.parseInt(o.lines, 10) || 20);
      const snapshot = tail(join(s.dir, 'CONFIGS', 'CONFIG.yaml'), Number.MAX_SAFE_INTEGER);
      const stdout = tail(join(s.dir, 'logs', 'stdout.log'), n);
      const stderr = tail(join(s.dir, 'logs', 'stderr.log'), n);
      if (o.json) {
        io.stdout(JSON.stringify({ session: s, snapshot, stdout, stderr }, null, 2) + '\n');
        return;
      }
      io.stdout(`${s.name}  ${s.status}  ${s.dir}\n`);
      if (s.reconciled) io.stdout(`reconciled: ${JSON.stringify(s.reconciled)}\n`);
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
      const results = outRoots(root, io.cwd).map((r) => ({ root: r, ...reconcile(r) }));
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

  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof CliFailure) {
      io.stderr(`scitex-session: ${e.message}\n`);
      return 1;
    }
    io.stderr(`scitex-session: ${(e as Error).message}\n`);
    return 1;
  }
  return 0;
}
