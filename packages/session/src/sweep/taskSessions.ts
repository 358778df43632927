/**
 * The sessions of a sweep's tasks: every session in the output root whose CONFIG.SWEEP names
 * the sweep, grouped by task, attempts in order. Light on imports: start() reaches it through
 * sweepContext() to link a requeued attempt to the previous one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanSessions, type SessionInfo } from '@scitex/sdir';

/** A task session found on disk, with its raw CONFIG. */
export interface TaskSession {
  info: SessionInfo;
  config: Record<string, unknown>;
  attempt: number;
}

/** Every session in the output root that belongs to sweep `id`, by task, oldest first. */
export function taskSessions(outRoot: string, id: string): Map<number, TaskSession[]> {
  const byTask = new Map<number, TaskSession[]>();
  for (const info of scanSessions(outRoot).sessions) {
    let config: Record<string, unknown>;
    try {
      config = JSON.parse(readFileSync(join(info.dir, 'CONFIGS', 'CONFIG.json'), 'utf8')) as Record<
        string,
        unknown
      >;
    } catch {
      continue;
    }
    const sweep = config['SWEEP'] as
      { id?: unknown; task?: unknown; attempt?: unknown } | undefined;
    if (!sweep || sweep.id !== id || typeof sweep.task !== 'number') continue;
    const attempt = typeof sweep.attempt === 'number' ? sweep.attempt : 0;
    const list = byTask.get(sweep.task) ?? [];
    list.push({ info, config, attempt });
    byTask.set(sweep.task, list);
  }
  for (const list of byTask.values()) {
    list.sort(
      (a, b) =>
        a.attempt - b.attempt ||
        (a.info.startTime?.getTime() ?? 0) - (b.info.startTime?.getTime() ?? 0),
    );
  }
  return byTask;
}
