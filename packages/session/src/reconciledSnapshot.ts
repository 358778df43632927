/**
 * Bringing the snapshot of a session that reconcile filed up to date: its owner died
 * without closing it, so CONFIG still says EXIT_STATUS null and has no END_TIME. After
 * this, `list` and `show` need nothing else: END_TIME is the owner's last sign of life,
 * RUN_TIME follows from it, and RECONCILED says why and when it was filed.
 */
import { join } from 'node:path';
import { loadSavedConfig, saveConfig } from '@scitex/config';
import type { ReconcileMove } from '@scitex/sdir';
import { formatRunTime } from './runTime.js';

/** `onFiled` for `reconcile()`: updates CONFIGS/CONFIG.{yaml,json} of the moved session. */
export function fileReconciled(move: ReconcileMove): void {
  const CONFIG = loadSavedConfig(move.to);
  const start = CONFIG['START_TIME'];
  CONFIG['END_TIME'] = move.lastSeen;
  if (start instanceof Date && move.lastSeen.getTime() >= start.getTime()) {
    CONFIG['RUN_TIME'] = formatRunTime(move.lastSeen.getTime() - start.getTime());
  }
  CONFIG['SDIR'] = move.to + '/';
  CONFIG['SDIR_PATH'] = move.to;
  CONFIG['RECONCILED'] = {
    code: move.code,
    reason: move.reason,
    at: new Date().toISOString(),
    lastSeen: move.lastSeen.toISOString(),
  };
  // The snapshot was redacted when written; saving it again keeps "***" as it is.
  saveConfig(CONFIG, join(move.to, 'CONFIGS'), { redact: true, fsync: false });
}
