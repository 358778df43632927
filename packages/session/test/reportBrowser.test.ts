// The report opened in headless Chromium (Debian's, via playwright-core) with the network
// blocked: nothing may leave the file, nothing may log an error, nothing read from disk may
// run, and sorting, filtering and each run's figures and curves must work for a person.
import { copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '@scitex/test-utils';
import type { Page } from 'playwright-core';
import { writeReport } from '../src/report/index.ts';
import { imagesOf, launchBrowser, openReport, openRun, type GuardedBrowser } from './browser.ts';
import { png, sessionId, times, writeSession } from './reportSessions.ts';

const artifact = fileURLToPath(new URL('./artifacts/report.png', import.meta.url));
const docsShot = fileURLToPath(new URL('../docs/report.png', import.meta.url));

const XSS_CONFIG = "<script>window.__pwned = 'config'</script>";
const XSS_LOG = '<img src=x onerror="window.__pwned = \'log\'">';
const XSS_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="100"><rect width="160" height="100" fill="#e6550d"/><script>window.__pwned = "svg"</script><image href="https://example.com/x.png"/></svg>';
const ODD_METRIC = 'val,"acc"<i>';

const curve = (rate: number, n = 120): number[] =>
  Array.from({ length: n }, (_, i) => Math.exp(-i * rate) + 0.02 * Math.sin(i));

const RUNS = [
  { tail: 'AbC1', sec: 10, lr: 0.1, epochs: 20, folder: 'FINISHED_SUCCESS', exit: 0 },
  { tail: 'XyZ2', sec: 11, lr: 0.01, epochs: 20, folder: 'FINISHED_SUCCESS', exit: 0 },
  { tail: 'QqQ3', sec: 12, lr: 0.001, epochs: 40, folder: 'FINISHED_ERROR', exit: 1 },
] as const;
const ids = RUNS.map((r) => sessionId(r.sec, r.tail));

let tmp: TempDir;
let browser: GuardedBrowser;
let page: Page;

beforeAll(async () => {
  tmp = makeTempDir('scitex-report-');
  const root = tmp.join('train_out');
  for (const [i, r] of RUNS.entries()) {
    writeSession(root, {
      id: ids[i]!,
      folder: r.folder,
      config: {
        ...times(r.sec, 5 + i, r.exit),
        FILE: '/home/me/train.ts',
        ARGS: { lr: r.lr, epochs: r.epochs, ...(i === 2 ? { tag: XSS_CONFIG } : {}) },
        SEED: 42,
        SWEEP: { id: 'SW1' },
        MODEL: { note: XSS_CONFIG },
      },
      stdout: `epoch 1 loss 0.9\n${XSS_LOG}\ndone lr=${r.lr}\n`,
      stderr: r.exit ? 'Error: loss diverged\n    at main (train.ts:10:5)\n' : '',
      metrics: {
        loss: curve(r.lr),
        acc: curve(r.lr).map((v) => 1 - v),
        ...(i === 2 ? { [ODD_METRIC]: [0.1, 0.2, 0.3] } : {}),
      },
      files: {
        'figs/pred.png': png(160, 100, [0, 128, 192]),
        ...(i === 0 ? { 'figs/hist.svg': XSS_SVG } : {}),
      },
    });
  }
  const out = await writeReport([root], tmp.join('report.html'), { title: 'Training runs' });
  expect(out.runs).toBe(3);
  browser = await launchBrowser();
  page = await openReport(browser, out.path);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  tmp?.cleanup();
});

const shownIds = (): Promise<string[]> =>
  page
    .locator('#runs tbody tr:not([hidden]) td:first-child')
    .allTextContents()
    .then((t) => t.map((s) => s.trim()));

/** Back to all runs shown, whatever an earlier test left. */
async function reset(): Promise<void> {
  await page.locator('#filter').fill('');
  for (const box of await page.locator('#status-filter input').all()) await box.check();
}

const visibleHeaders = (): Promise<string[]> =>
  page.locator('#runs thead th:visible').allTextContents();

describe('report in Chromium', () => {
  it('opens with the network blocked: no request leaves the file, no console error', async () => {
    expect(await page.title()).toBe('Training runs');
    expect(await page.locator('#runs tbody tr').count()).toBe(3);
    expect(browser.blocked).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('shows the differing parameters and the last value of each metric', async () => {
    const headers = await visibleHeaders();
    expect(headers).toEqual([
      'ID',
      'Script',
      'Status',
      'Start',
      'Run time',
      'Exit',
      'ARGS.lr',
      'ARGS.epochs',
      'ARGS.tag',
      'loss',
      'acc',
      ODD_METRIC,
    ]);
    // Newest first; the error run's cells.
    expect(await shownIds()).toEqual([ids[2], ids[1], ids[0]]);
    const cells = await page.locator('#runs tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(1, 9)).toEqual([
      'train.ts',
      'error',
      expect.stringMatching(/^2025-11-1[78] \d\d:53:12$/),
      '00:00:07',
      '1',
      '0.001',
      '40',
      XSS_CONFIG,
    ]);
    expect(cells[11]).toBe('0.3');
  });

  it('sorts by a column when its header is clicked, and reverses on a second click', async () => {
    await reset();
    const start = page.locator('#runs thead th', { hasText: 'Start' }).locator('button');
    await start.click();
    expect(await shownIds()).toEqual(ids);
    await expect
      .poll(() => page.locator('#runs thead th', { hasText: 'Start' }).getAttribute('aria-sort'))
      .toBe('ascending');
    await start.click();
    expect(await shownIds()).toEqual([...ids].reverse());
    // Numbers sort as numbers: last loss is lowest for the highest learning rate.
    await page
      .locator('#runs thead th', { hasText: /^loss$/ })
      .locator('button')
      .click();
    expect(await shownIds()).toEqual([ids[0], ids[1], ids[2]]);
    await page.locator('#runs thead th', { hasText: 'ARGS.lr' }).locator('button').click();
    expect(await shownIds()).toEqual([ids[2], ids[1], ids[0]]);
  });

  it('filters by status by clicking, and by any text by typing', async () => {
    await reset();
    await page.getByRole('checkbox', { name: /success/ }).uncheck();
    expect(await shownIds()).toEqual([ids[2]]);
    expect(await page.locator('#shown').textContent()).toBe('1 of 3 runs shown');
    expect(await page.locator(`details.run:not([hidden])`).count()).toBe(1);
    await page.getByRole('checkbox', { name: /success/ }).check();
    await page.getByRole('checkbox', { name: /error/ }).uncheck();
    expect((await shownIds()).sort()).toEqual([ids[0], ids[1]].sort());
    // Between the two success runs only lr differs: epochs and tag are hidden.
    const headers = await visibleHeaders();
    expect(headers).toContain('ARGS.lr');
    expect(headers).not.toContain('ARGS.epochs');
    expect(headers).not.toContain('ARGS.tag');
    await page.getByRole('checkbox', { name: /error/ }).check();
    await page.locator('#filter').fill('XyZ2');
    expect(await shownIds()).toEqual([ids[1]]);
    await page.locator('#filter').fill('train.ts error');
    expect(await shownIds()).toEqual([ids[2]]);
    await page.locator('#filter').fill('');
    expect(await shownIds()).toHaveLength(3);
  });

  it("shows each run's figures and metric curves, and the sweep overlaid", async () => {
    await reset();
    for (const [i, id] of ids.entries()) {
      const details = await openRun(page, id);
      const imgs = await imagesOf(page, details);
      const curves = imgs.filter((x) => x.cls === 'curve');
      const figures = imgs.filter((x) => x.cls === 'figure');
      expect(curves.map((c) => c.alt)).toEqual([
        'curve of loss',
        'curve of acc',
        ...(i === 2 ? [`curve of ${ODD_METRIC}`] : []),
      ]);
      expect(figures.map((f) => f.alt)).toEqual(
        i === 0 ? ['figs/hist.svg', 'figs/pred.png'] : ['figs/pred.png'],
      );
      for (const img of imgs) {
        expect(img.natural, img.alt).toBeGreaterThan(0); // decoded
        expect(img.width, img.alt).toBeGreaterThan(100); // laid out
      }
      expect(await page.locator(`#${details} img.curve`).first().isVisible()).toBe(true);
      expect(await page.locator(`#${details} img.figure`).first().isVisible()).toBe(true);
    }
    const sweep = page.locator('details.sweep');
    expect(await sweep.locator('summary').textContent()).toContain('SW1');
    await sweep.locator('.body[data-ready]').waitFor({ state: 'attached' });
    expect(await sweep.locator('img.curve').count()).toBe(3);
    expect(await sweep.locator('li').allTextContents()).toEqual([
      `${`lr=0.001, epochs=40, tag=${XSS_CONFIG}`.slice(0, 47)}…: ${ids[2]} (error)`,
      `lr=0.01, epochs=20, tag=—: ${ids[1]} (success)`,
      `lr=0.1, epochs=20, tag=—: ${ids[0]} (success)`,
    ]);
  });

  it('shows text from disk as text: config values, log lines and names never run', async () => {
    await reset();
    await openRun(page, ids[0]!);
    const body = page.locator('#r2 .body');
    expect(await body.locator('pre').first().textContent()).toContain(XSS_CONFIG);
    expect(await body.locator('pre', { hasText: 'epoch 1 loss' }).textContent()).toContain(XSS_LOG);
    expect(
      await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned),
    ).toBeUndefined();
    expect(browser.blocked).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('looks right (screenshot kept in test/artifacts/report.png)', async () => {
    await reset();
    await page.evaluate(() => {
      const d = (
        globalThis as unknown as {
          document: { querySelectorAll(s: string): ArrayLike<{ open: boolean }> };
        }
      ).document;
      Array.from(d.querySelectorAll('details.run')).forEach((x, i) => (x.open = i === 0));
    });
    await openRun(page, ids[2]!);
    await page.evaluate(() =>
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
    );
    await page.screenshot({ path: artifact, fullPage: true });
    if (process.env['SCITEX_UPDATE_DOCS'] === '1') copyFileSync(artifact, docsShot);
    expect(browser.blocked).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});

describe('without Chromium', () => {
  it('the browser tests fail (not skip) and say how to install it', async () => {
    await expect(launchBrowser('/nonexistent/chromium')).rejects.toThrow(
      /\/nonexistent\/chromium not found: .*bash scripts\/install-system-deps\.sh/,
    );
  });
});
