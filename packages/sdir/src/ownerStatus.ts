/**
 * Is the owner of a lease still running? On the same machine (same host name, boot and
 * PID namespace) the answer is exact: the pid must exist and have the recorded start
 * time. Across machines only the heartbeat can tell, so a lease is dead once its
 * heartbeat is older than the stale threshold.
 */
import { SdirError } from './errors.js';
import type { LeaseInfo } from './lease.js';
import { pidExists, readProcStat, selfIdentity } from './processInfo.js';

/** Why an owner was judged alive or dead. */
export type OwnerVerdictCode =
  /** Same machine: the pid runs and has the recorded start time. */
  | 'alive'
  /** Judged by heartbeat (other host, or no start time to compare): fresh enough. */
  | 'heartbeat-fresh'
  /** Same machine: no process with that pid (or only its zombie). */
  | 'pid-gone'
  /** Same machine: the pid runs but started at another time — the number was reused. */
  | 'pid-reused'
  /** Same host name, different boot id: the machine restarted since. */
  | 'rebooted'
  /** Judged by heartbeat: older than the stale threshold. */
  | 'heartbeat-stale';

/** The judgement on a lease's owner. */
export interface OwnerVerdict {
  alive: boolean;
  code: OwnerVerdictCode;
  /** One sentence for people, e.g. "owner pid 4242 on vm is gone". */
  reason: string;
}

/** Options of {@link ownerStatus} / {@link isOwnerAlive}. */
export interface OwnerStatusOptions {
  /** Stale threshold; default the one recorded in the lease. */
  staleAfterMs?: number;
  /** The time to judge at. Default now. */
  now?: Date;
}

const fmtAge = (ms: number): string =>
  ms >= 120_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`;

function byHeartbeat(info: LeaseInfo, where: string, opts: OwnerStatusOptions): OwnerVerdict {
  const staleAfter = opts.staleAfterMs ?? info.staleAfterMs;
  const age = (opts.now ?? new Date()).getTime() - Date.parse(info.heartbeat);
  // A heartbeat from the future (clock skew between hosts) counts as fresh.
  if (age <= staleAfter) {
    return {
      alive: true,
      code: 'heartbeat-fresh',
      reason: `${where}: last heartbeat ${fmtAge(Math.max(age, 0))} ago (stale after ${fmtAge(staleAfter)})`,
    };
  }
  return {
    alive: false,
    code: 'heartbeat-stale',
    reason: `${where}: no heartbeat for ${fmtAge(age)} (stale after ${fmtAge(staleAfter)})`,
  };
}

/** Judges whether the owner of a lease is alive, and says why. */
export function ownerStatus(info: LeaseInfo, opts: OwnerStatusOptions = {}): OwnerVerdict {
  if (typeof info !== 'object' || info === null || typeof info.pid !== 'number') {
    throw new SdirError(
      'SDIR_INVALID_OPTION',
      'ownerStatus()/isOwnerAlive(): pass a lease as returned by readLease(dir) (an object with pid and hostname)',
    );
  }
  const me = selfIdentity();
  const who = `owner pid ${info.pid} on ${info.hostname}`;
  if (info.hostname !== me.hostname) return byHeartbeat(info, `${who} (another host)`, opts);
  if (info.pidNamespace && me.pidNamespace && info.pidNamespace !== me.pidNamespace) {
    return byHeartbeat(info, `${who} (another PID namespace)`, opts);
  }
  if (info.bootId && me.bootId && info.bootId !== me.bootId) {
    return { alive: false, code: 'rebooted', reason: `${who}: the machine has rebooted since` };
  }
  if (!pidExists(info.pid)) {
    return { alive: false, code: 'pid-gone', reason: `${who} is gone` };
  }
  const stat = readProcStat(info.pid);
  if (stat && (stat.state === 'Z' || stat.state === 'X')) {
    return { alive: false, code: 'pid-gone', reason: `${who} has exited (zombie)` };
  }
  if (stat && info.processStartTicks !== null) {
    if (stat.startTicks === info.processStartTicks) {
      return { alive: true, code: 'alive', reason: `${who} is running` };
    }
    return {
      alive: false,
      code: 'pid-reused',
      reason: `${who} is gone; pid ${info.pid} now belongs to a process started later`,
    };
  }
  // No start time to compare (not Linux, or /proc hidden): a live pid may be reused,
  // so only a fresh heartbeat keeps the session.
  return byHeartbeat(info, `${who} (pid exists, start time unknown)`, opts);
}

/** Whether the owner of a lease is alive (see {@link ownerStatus} for the rules). */
export function isOwnerAlive(info: LeaseInfo, opts: OwnerStatusOptions = {}): boolean {
  return ownerStatus(info, opts).alive;
}
