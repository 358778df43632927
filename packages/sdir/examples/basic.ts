import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createSessionDir, finalizeSessionDir, reconcile, scanSessions } from '@scitex/sdir';

// Normally the output root is <script dir>/<script stem>_out; here a temporary one.
const root = mkdtempSync(join(tmpdir(), 'exp_out-'));

// A fixed ID keeps this output stable; leave `id` out to draw one.
const session = createSessionDir({
  sdir: root,
  id: '2025Y-11M-18D-07h53m37s_Z5MR',
  suffix: 'main',
});
console.log(relative(root, session.dir));
//=> RUNNING/2025Y-11M-18D-07h53m37s_Z5MR-main

writeFileSync(join(session.dir, 'result.txt'), '42\n');
console.log(scanSessions(root).sessions.map((s) => `${s.status} alive=${s.alive}`));
//=> [ 'running alive=true' ]

session.lease?.stop();
const done = finalizeSessionDir(session.dir, 0); // 0 → FINISHED_SUCCESS, one rename
console.log(relative(root, done));
//=> FINISHED_SUCCESS/2025Y-11M-18D-07h53m37s_Z5MR-main

console.log(reconcile(root));
//=> { moved: [], alive: [], skipped: [], removedStaging: [] }

rmSync(root, { recursive: true });
