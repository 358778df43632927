/**
 * Best-effort notification: POSTs a JSON summary of the finished run. Sent from a
 * detached child process, so it never delays the run's exit (also on exit paths, where
 * no asynchronous work can finish) and a slow or dead endpoint costs the run nothing.
 */
import type * as ChildProcess from 'node:child_process';

export interface NotifyPayload {
  id: string;
  status: string;
  exitStatus: number | null;
  file: string;
  message: string;
  runTime: string;
  dir: string;
  host: string;
}

/** Seconds the sender waits for the endpoint before giving up. */
export const NOTIFY_TIMEOUT_MS = 5000;

const SENDER = `
const [url, body, ms] = process.argv.slice(1);
fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(Number(ms)) })
  .then((r) => r.arrayBuffer()).catch(() => {});
`;

/**
 * Resolves where to send: the URL given as `notify`, else SCITEX_NOTIFY_URL. Returns a
 * reason string instead when nothing can be sent.
 */
export function notifyTarget(
  notify: boolean | string,
  env: NodeJS.ProcessEnv = process.env,
): URL | string {
  const raw = typeof notify === 'string' ? notify : env['SCITEX_NOTIFY_URL'];
  if (!raw) return 'notify: set SCITEX_NOTIFY_URL or pass the URL as `notify`';
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return `notify: ${raw} is not an http(s) URL`;
    return url;
  } catch {
    return `notify: ${JSON.stringify(raw)} is not a URL`;
  }
}

/** Fires the POST and returns at once; never throws. */
export function sendNotification(url: URL, payload: NotifyPayload): boolean {
  try {
    // child_process loads only when a notification is sent (~5 ms off every start).
    const { spawn } = process.getBuiltinModule('node:child_process') as typeof ChildProcess;
    const child = spawn(
      process.execPath,
      ['-e', SENDER, url.href, JSON.stringify(payload), String(NOTIFY_TIMEOUT_MS)],
      {
        detached: true,
        stdio: 'ignore',
        env: { ...process.env, NODE_OPTIONS: '' },
      },
    );
    child.on('error', () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}
