/**
 * state.json of a local sweep: each task's state as the pool saw it (pending, running,
 * succeeded, failed, not-run), its pid, exit code or signal and times. `sweep status`
 * reads it for tasks that have no session (not launched, or died before start()).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeJsonAtomic } from './writeAtomic.js';

/** The state file's name in a sweep folder. */
export const LOCAL_STATE_FILE = 'state.json';

/** One task as the local pool saw it. */
export interface LocalTaskState {
  task: number;
  state: 'pending' | 'running' | 'succeeded' | 'failed' | 'not-run';
  pid?: number;
  started?: string;
  ended?: string;
  exit?: number | null;
  signal?: string;
  /** The spawn failed (e.g. the node binary is missing). */
  error?: string;
}

/** state.json. */
export interface LocalState {
  id: string;
  /** The pool's pid. */
  pid: number;
  /** The signal that stopped the pool, if one did. */
  stopped: string | null;
  tasks: LocalTaskState[];
}

/** Writes state.json (atomically; not fsynced — it is rewritten at every change). */
export function writeLocalState(dir: string, state: LocalState): void {
  writeJsonAtomic(join(dir, LOCAL_STATE_FILE), state, false);
}

/** Reads state.json, or null when there is none (a slurm sweep) or it is unreadable. */
export function readLocalState(dir: string): LocalState | null {
  try {
    return JSON.parse(readFileSync(join(dir, LOCAL_STATE_FILE), 'utf8')) as LocalState;
  } catch {
    return null;
  }
}
