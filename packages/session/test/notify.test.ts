// notify: a JSON summary POSTed to a local server, without delaying the run.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runFixture, useTempDir } from '@scitex/test-utils';
import { notifyTarget } from '../src/notify.ts';

const fixture = fileURLToPath(new URL('./fixtures/notify.ts', import.meta.url));

function listen(): Promise<{
  url: string;
  next: Promise<{ req: IncomingMessage; body: string }>;
  close: () => void;
}> {
  return new Promise((resolve) => {
    let deliver!: (v: { req: IncomingMessage; body: string }) => void;
    const next = new Promise<{ req: IncomingMessage; body: string }>((r) => (deliver = r));
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        res.end('ok');
        deliver({ req, body });
      });
    });
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/hook`, next, close: () => server.close() });
    });
  });
}

describe('notify', () => {
  it('POSTs the run summary to SCITEX_NOTIFY_URL', async () => {
    const tmp = useTempDir();
    const srv = await listen();
    try {
      const r = await runFixture(fixture, {
        args: ['true', '2'],
        env: { OUT: tmp.join('o'), SCITEX_NOTIFY_URL: srv.url },
        cwd: tmp.path,
      });
      expect(r.code).toBe(0);
      const { req, body } = await srv.next;
      expect(req.method).toBe('POST');
      expect(req.url).toBe('/hook');
      expect(req.headers['content-type']).toBe('application/json');
      const j = JSON.parse(body);
      expect(j).toMatchObject({ status: 'FINISHED_ERROR', exitStatus: 2, message: 'done here' });
      expect(j.id).toMatch(/^\d{4}Y-\d\dM-\d\dD-\d\dh\d\dm\d\ds_[A-Za-z0-9]{4}$/);
      expect(j.dir).toContain('FINISHED_ERROR');
      expect(j.file).toBe(fixture);
      expect(j.runTime).toMatch(/^\d\d:\d\d:\d\d$/);
    } finally {
      srv.close();
    }
  });

  it('takes the URL given as notify', async () => {
    const tmp = useTempDir();
    const srv = await listen();
    try {
      const r = await runFixture(fixture, {
        args: [srv.url, '0'],
        env: { OUT: tmp.join('o') },
        cwd: tmp.path,
      });
      expect(r.code).toBe(0);
      expect(JSON.parse((await srv.next).body).status).toBe('FINISHED_SUCCESS');
    } finally {
      srv.close();
    }
  });

  it('an unreachable endpoint never fails or delays the run', async () => {
    const tmp = useTempDir();
    const srv = await listen();
    const dead = srv.url;
    srv.close();
    const r = await runFixture(fixture, {
      args: [dead, '0'],
      env: { OUT: tmp.join('o') },
      cwd: tmp.path,
      timeoutMs: 20_000,
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('explains a missing or bad URL instead of throwing', () => {
    expect(notifyTarget(true, {})).toMatch(/set SCITEX_NOTIFY_URL/);
    expect(notifyTarget('ftp://x', {})).toMatch(/not an http/);
    expect(notifyTarget('not a url', {})).toMatch(/not a URL/);
    expect(String(notifyTarget(true, { SCITEX_NOTIFY_URL: 'http://127.0.0.1:9/x' }))).toBe(
      'http://127.0.0.1:9/x',
    );
  });
});
