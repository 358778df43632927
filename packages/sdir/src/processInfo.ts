/**
 * Facts about processes that outlive PID reuse and reboots: boot id, PID namespace and
 * process start time (Linux: /proc). Elsewhere the values are null and callers fall
 * back to the heartbeat.
 */
import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

/** Who owns a lease: enough to recognise the same process later, even after PID reuse. */
export interface ProcessIdentity {
  pid: number;
  hostname: string;
  /** `/proc/sys/kernel/random/boot_id` (Linux); null elsewhere. */
  bootId: string | null;
  /** `readlink /proc/self/ns/pid`, e.g. `pid:[4026531836]` (Linux); null elsewhere. */
  pidNamespace: string | null;
  /** Field 22 of `/proc/<pid>/stat` (clock ticks after boot; Linux); null elsewhere. */
  processStartTicks: string | null;
  /** When the process started (ISO 8601). Linux: boot time + ticks / 100; elsewhere now − uptime. */
  processStart: string;
}

// Linux's USER_HZ is 100 on every mainstream architecture; only the displayed start
// time depends on it — identity is compared on the raw tick count.
const USER_HZ = 100;

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** State letter and start ticks of a process from `/proc/<pid>/stat`, or null. */
export function readProcStat(pid: number): { state: string; startTicks: string } | null {
  const text = readText(`/proc/${pid}/stat`);
  if (text === null) return null;
  // The command name (field 2) may contain spaces and parentheses: split after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const startTicks = fields[19];
  if (!state || !startTicks || !/^\d+$/.test(startTicks)) return null;
  return { state, startTicks };
}

function bootTimeSeconds(): number | null {
  const m = /^btime (\d+)$/m.exec(readText('/proc/stat') ?? '');
  return m ? Number(m[1]) : null;
}

/** The machine's boot id (Linux), or null. */
export function readBootId(): string | null {
  return readText('/proc/sys/kernel/random/boot_id')?.trim() || null;
}

function readPidNamespace(): string | null {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return null;
  }
}

let self: ProcessIdentity | undefined;

/** This process's identity, computed once per process on first use. */
export function selfIdentity(): ProcessIdentity {
  if (self && self.pid === process.pid) return self;
  const stat = readProcStat(process.pid);
  const btime = stat ? bootTimeSeconds() : null;
  const processStart =
    stat && btime !== null
      ? new Date((btime + Number(stat.startTicks) / USER_HZ) * 1000)
      : new Date(Date.now() - process.uptime() * 1000);
  self = {
    pid: process.pid,
    hostname: hostname(),
    bootId: readBootId(),
    pidNamespace: readPidNamespace(),
    processStartTicks: stat?.startTicks ?? null,
    processStart: processStart.toISOString(),
  };
  return self;
}

/** Whether a process with this pid exists (a zombie counts as existing here). */
export function pidExists(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false; // 0 and negatives address groups
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}
