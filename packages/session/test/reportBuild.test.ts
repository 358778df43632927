// The report as HTML text (no browser): self-contained, escaped, bounded, and the pieces
// it is made of. The browser tests (reportBrowser, reportExample) check what a person sees.
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '@scitex/test-utils';
import { SessionError } from '../src/errors.ts';
import { buildReport, renderReport, writeReport } from '../src/report/index.ts';
import { registerReportCommand } from '../src/report/command.ts';
import { decimate } from '../src/report/decimate.ts';
import { differingKeys, flattenParams } from '../src/report/params.ts';
import { readTail } from '../src/report/readTail.ts';
import { PAGE_SCRIPT } from '../src/report/pageScript.ts';
import { png, sessionId, times, writeSession } from './reportSessions.ts';

/** The page and the HTML of every packed details body. */
function unpack(html: string): { outer: string; bodies: string[] } {
  const bodies: string[] = [];
  const outer = html.replace(/data-gz="([^"]*)"/g, (_, b64: string) => {
    bodies.push(gunzipSync(Buffer.from(b64, 'base64')).toString('utf8'));
    return 'data-gz=""';
  });
  return { outer, bodies };
}

const XSS = `<script>alert('x')</script>`;

describe('buildReport', () => {
  it('is one self-contained page: no remote URL, one script (allowed by hash), everything escaped', async () => {
    const dir = useTempDir();
    for (const [i, lr] of [0.1, 0.2].entries()) {
      writeSession(dir.join('exp_out'), {
        id: sessionId(10 + i, `Ab${i}x`),
        folder: 'FINISHED_SUCCESS',
        config: { ...times(10 + i, 3, 0), FILE: '/w/exp.ts', ARGS: { lr, note: XSS }, [XSS]: i },
        stdout: `${XSS}\nhttps://example.com/not-a-link\n`,
        metrics: { [XSS]: [1, 2, 3], loss: [3, 2, 1] },
        files: {
          'a.png': png(20, 10, [200, 0, 0]),
          'b.svg': `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><image href="https://example.com/x.png"/></svg>`,
        },
      });
    }
    const html = await buildReport([dir.join('exp_out')]);
    const { outer, bodies } = unpack(html);
    expect(bodies).toHaveLength(2);
    expect(outer.match(/<script/g)).toHaveLength(1);
    expect(outer).not.toMatch(/https?:/);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(outer)?.[1];
    const hash = createHash('sha256').update(PAGE_SCRIPT).digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'none'");
    expect(outer).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;'); // metric column, param column
    for (const b of bodies) {
      expect(b).not.toMatch(/<script|<svg|<image/i);
      // Every image is a data: URI; nothing else could be fetched.
      expect(b.match(/<img /g)?.length).toBe(
        b.match(/<img [^>]*src="data:image\/(png;base64|svg\+xml;charset=utf-8),/g)?.length,
      );
      expect(b).not.toMatch(/\b(href|src|srcset|action|poster)="(?!data:)/);
      expect(b).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;'); // log line
    }
  }, 60_000);

  it('keeps a report of 1,000 runs to a few MB (curves for the newest 100, figures within budget)', async () => {
    const dir = useTempDir();
    const root = dir.join('big_out');
    const fig = png(300, 200, [10, 100, 200]);
    const log = Array.from({ length: 200 }, (_, i) => `epoch ${i} loss ${Math.random()}`).join(
      '\n',
    );
    for (let i = 0; i < 1000; i++) {
      const id = `2025Y-11M-18D-${String(7 + Math.floor(i / 3600)).padStart(2, '0')}h${String(Math.floor(i / 60) % 60).padStart(2, '0')}m${String(i % 60).padStart(2, '0')}s_${String(i).padStart(4, '0')}`;
      writeSession(root, {
        id,
        folder: i % 10 ? 'FINISHED_SUCCESS' : 'FINISHED_ERROR',
        config: {
          ...times(0, 5, i % 10 ? 0 : 1),
          FILE: '/w/train.ts',
          ARGS: { lr: i % 7, seed: i },
          SWEEP: { id: `S${i % 20}` },
        },
        stdout: log,
        metrics: {
          loss: Array.from({ length: 300 }, (_, s) => Math.exp(-s / 50) + Math.random() / 100),
          acc: Array.from({ length: 300 }, (_, s) => 1 - Math.exp(-s / 50)),
        },
        files: {
          'fig.png': Buffer.concat([
            fig,
            Buffer.from(Array.from({ length: 20_000 }, () => Math.random() * 256)),
          ]),
        },
      });
    }
    const { html, summary } = await renderReport([root]);
    expect(summary.runs).toBe(1000);
    expect(summary.curves).toBe(100 * 2 + 20 * 2); // newest 100 runs, 20 sweeps
    expect(summary.bytes).toBeLessThan(8e6);
    const { bodies } = unpack(html);
    expect(bodies.filter((b) => b.includes('img class="figure"')).length).toBeLessThan(200);
    expect(bodies.at(-1)).toContain('curves are drawn for the newest 100 runs only');
    expect(bodies.at(-1)).toContain('the report&#39;s figure budget of 2.0 MB is spent');
    writeFileSync(dir.join('size.txt'), String(summary.bytes));
  }, 300_000);

  it('refuses bad roots and options with SESSION_INVALID_OPTION', async () => {
    for (const [roots, opts] of [
      [[], {}],
      ['x', {}],
      [[''], {}],
      [['.'], { logLines: 0 }],
      [['.'], { maxCurvePoints: 2 }],
      [['.'], { nope: 1 }],
      [['.'], { title: 5 }],
    ] as const) {
      const err = await buildReport(roots as unknown as string[], opts as never).catch(
        (e: unknown) => e,
      );
      expect(err, JSON.stringify([roots, opts])).toBeInstanceOf(SessionError);
      expect((err as SessionError).code).toBe('SESSION_INVALID_OPTION');
    }
  });

  it('embeds figures within the per-figure, per-run and report budgets and lists the rest', async () => {
    const dir = useTempDir();
    const big = Buffer.concat([png(10, 10, [0, 0, 0]), Buffer.alloc(3000, 1)]);
    writeSession(dir.path, {
      id: sessionId(1, 'AAAA'),
      folder: 'FINISHED',
      config: times(1, 1, null),
      files: {
        'a.png': png(10, 10, [0, 0, 0]),
        'b.png': big,
        'c.png': png(10, 10, [9, 9, 9]),
        'd.png': png(10, 10, [1, 1, 1]),
      },
    });
    const html = await buildReport([dir.path], {
      maxFigureBytes: 2000,
      maxFiguresPerRun: 2,
      maxFigureTotalBytes: 10_000,
    });
    const body = unpack(html).bodies[0]!;
    expect(body.match(/img class="figure"/g)).toHaveLength(2);
    expect(body).toContain('b.png (3.0 KB): not embedded: larger than 2.0 KB');
    expect(body).toContain('d.png (');
    expect(body).toContain('more than 2 figures in this run');
  });
});

describe('report pieces', () => {
  it('parameters: session keys are not parameters; a missing key differs from a present one', () => {
    const a = flattenParams({
      ID: 'x',
      HOST: { a: 1 },
      ARGS: { lr: 0.1, deep: { k: [1, 2] } },
      SEED: 1,
      MODEL: { n: 2 },
    });
    expect([...a]).toEqual([
      ['ARGS.lr', '0.1'],
      ['ARGS.deep.k', '[1,2]'],
      ['SEED', '1'],
      ['MODEL.n', '2'],
    ]);
    const b = flattenParams({
      ARGS: { lr: 0.2, deep: { k: [1, 2] } },
      SEED: 1,
      MODEL: { n: 2, extra: true },
    });
    expect(differingKeys([a, b], 10)).toEqual(['ARGS.lr', 'MODEL.extra']);
    expect(differingKeys([a], 10)).toEqual([]);
  });

  it('decimate keeps first, last and each bucket’s extremes, within the budget', () => {
    const x = Array.from({ length: 10_000 }, (_, i) => i);
    const y = x.map((i) => (i === 5_000 ? 100 : i === 7_000 ? -100 : Math.sin(i / 100)));
    const d = decimate(x, y, 200);
    expect(d.x.length).toBeLessThanOrEqual(200);
    expect(d.x[0]).toBe(0);
    expect(d.x.at(-1)).toBe(9_999);
    expect(d.y).toContain(100);
    expect(d.y).toContain(-100);
    expect(d.x).toEqual([...d.x].sort((p, q) => p - q));
    expect(decimate([1, 2], [3, 4], 200)).toEqual({ x: [1, 2], y: [3, 4] });
  });

  it('readTail reads the end of a big log only', () => {
    const dir = useTempDir();
    const f = dir.join('big.log');
    writeFileSync(f, Array.from({ length: 100_000 }, (_, i) => `line ${i}`).join('\n') + '\n');
    const t = readTail(f, 3)!;
    expect(t.lines).toEqual(['line 99997', 'line 99998', 'line 99999']);
    expect(t.truncated).toBe(true);
    writeFileSync(f, 'a\nb');
    expect(readTail(f, 3)).toEqual({ lines: ['a', 'b'], bytes: 3, truncated: false });
    expect(readTail(dir.join('missing'), 3)).toBeNull();
  });
});

describe('scitex-session report (registerReportCommand)', () => {
  const program = (cwd: string) => {
    const out: string[] = [];
    const err: string[] = [];
    const p = new Command('scitex-session').exitOverride();
    registerReportCommand(p, { stdout: (s) => out.push(s), stderr: (s) => err.push(s), cwd });
    return { p, out, err };
  };

  it('writes the report of the *_out folders in the cwd, or of the roots given, to -o', async () => {
    const dir = useTempDir();
    writeSession(dir.join('a_out'), {
      id: sessionId(1, 'AAAA'),
      folder: 'FINISHED_SUCCESS',
      config: times(1, 1, 0),
    });
    writeSession(dir.join('b_out'), {
      id: sessionId(2, 'BBBB'),
      folder: 'FINISHED_ERROR',
      config: times(2, 1, 1),
    });
    const one = program(dir.path);
    await one.p.parseAsync(['report'], { from: 'user' });
    expect(one.out.join('')).toMatch(/^wrote .*report\.html: 2 runs, 0 curves, [\d.]+ KB\n$/);
    expect(readFileSync(dir.join('report.html'), 'utf8')).toContain(sessionId(2, 'BBBB'));
    const two = program(dir.path);
    await two.p.parseAsync(['report', 'b_out', '-o', 'sub/r.html', '--title', 'B only'], {
      from: 'user',
    });
    const html = readFileSync(dir.join('sub', 'r.html'), 'utf8');
    expect(html).toContain('<title>B only</title>');
    expect(html).not.toContain(sessionId(1, 'AAAA'));
  });

  it('fails with a message naming the bad root or what to pass', async () => {
    const dir = useTempDir();
    await expect(
      program(dir.path).p.parseAsync(['report', 'nope'], { from: 'user' }),
    ).rejects.toThrow(/nope does not exist\. Pass the output root/);
    await expect(program(dir.path).p.parseAsync(['report'], { from: 'user' })).rejects.toThrow(
      /no output root in .*: no RUNNING\/ or FINISHED_\*\/ here and no \*_out folder/,
    );
    await expect(
      program(dir.path).p.parseAsync(['report', '.', '--log-lines', 'x'], { from: 'user' }),
    ).rejects.toThrow(/--log-lines must be a whole number ≥ 1/);
  });
});

describe('writeReport', () => {
  it('writes atomically and returns the summary', async () => {
    const dir = useTempDir();
    writeSession(dir.join('x_out'), {
      id: sessionId(1, 'AAAA'),
      folder: 'RUNNING',
      config: times(1, 1, null),
    });
    const r = await writeReport([dir.join('x_out')], dir.join('r.html'));
    expect(r).toMatchObject({ runs: 1, curves: 0, path: dir.join('r.html') });
    expect(readFileSync(r.path).length).toBe(r.bytes);
  });
});
