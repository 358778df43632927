// The "done when": two runs of examples/metrics.ts with different arguments leave
// metrics.csv files, and `scitex-session report` shows both in headless Chromium with the
// parameter that differs and their curves. The screenshot is docs/report.png's source.
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { runFixture, useTempDir } from '@scitex/test-utils';
import { readMetrics } from '@scitex/metrics';
import { registerReportCommand } from '../src/report/command.ts';
import { imagesOf, launchBrowser, openReport, openRun, type GuardedBrowser } from './browser.ts';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const example = join(pkg, 'examples', 'metrics.ts');
const outRoot = join(pkg, 'examples', 'metrics_out');
const artifact = join(pkg, 'test', 'artifacts', 'report-example.png');

let browser: GuardedBrowser | undefined;
afterAll(async () => {
  await browser?.close();
  rmSync(outRoot, { recursive: true, force: true });
});

describe('examples/metrics.ts, run twice, then scitex-session report', () => {
  it('shows both runs with the differing learning rate and their curves', async () => {
    rmSync(outRoot, { recursive: true, force: true });
    const dirs: string[] = [];
    for (const lr of ['0.05', '0.3']) {
      const r = await runFixture(example, { cwd: pkg, args: ['--lr', lr] });
      expect(r.code, r.stderr).toBe(0);
      const dir = /→ (\S+FINISHED_SUCCESS\/\S+)/.exec(r.stdout)?.[1];
      expect(dir).toBeDefined();
      dirs.push(dir!);
      const data = readMetrics(join(dir!, 'metrics.csv'));
      expect(data.series.map((s) => [s.name, s.steps.length])).toEqual([
        ['loss', 60],
        ['w', 60],
      ]);
      expect(existsSync(join(dir!, 'fit.svg'))).toBe(true);
      // close() recorded the last value of each metric.
      const snapshot = JSON.parse(readFileSync(join(dir!, 'CONFIGS', 'CONFIG.json'), 'utf8'));
      expect(Object.keys(snapshot.METRICS).sort()).toEqual(['loss', 'w']);
    }

    // Sessions can be moved: report a copy, so the page shows no path of this checkout.
    const tmp = useTempDir();
    cpSync(outRoot, tmp.join('metrics_out'), { recursive: true });
    const out: string[] = [];
    const program = new Command('scitex-session').exitOverride();
    registerReportCommand(program, {
      stdout: (s) => out.push(s),
      stderr: (s) => out.push(s),
      cwd: tmp.path,
    });
    await program.parseAsync(['report', 'metrics_out', '-o', 'report.html'], { from: 'user' });
    expect(out.join('')).toMatch(/^wrote .*report\.html: 2 runs, 4 curves, /);

    browser = await launchBrowser();
    const page = await openReport(browser, tmp.join('report.html'));
    const headers = await page.locator('#runs thead th:visible').allTextContents();
    expect(headers).toEqual([
      'ID',
      'Script',
      'Status',
      'Start',
      'Run time',
      'Exit',
      'ARGS.lr',
      'loss',
      'w',
    ]);
    const lrs = await page.locator('#runs tbody tr td:nth-child(7)').allTextContents();
    expect(lrs.sort()).toEqual(['0.05', '0.3']);
    const names = dirs.map((d) => d.split('/').pop()!);
    for (const name of names) {
      const details = await openRun(page, name);
      const imgs = await imagesOf(page, details);
      expect(imgs.map((i) => i.alt)).toEqual(['curve of loss', 'curve of w', 'fit.svg']);
      for (const img of imgs) {
        expect(img.natural, img.alt).toBeGreaterThan(0);
        expect(img.width, img.alt).toBeGreaterThan(100);
      }
    }
    // For the picture: the first run open, at the top of the page.
    await page.evaluate(() => {
      const g = globalThis as unknown as {
        document: { querySelectorAll(s: string): ArrayLike<{ open: boolean }> };
        scrollTo(x: number, y: number): void;
      };
      Array.from(g.document.querySelectorAll('details.run')).forEach((d, i) => (d.open = i === 0));
      g.scrollTo(0, 0);
    });
    await page.screenshot({ path: artifact, fullPage: true });
    // The README's picture: the table and the first run's curves and figure.
    if (process.env['SCITEX_UPDATE_DOCS'] === '1')
      await page.screenshot({
        path: join(pkg, 'docs', 'report.png'),
        fullPage: true,
        clip: { x: 0, y: 0, width: 1280, height: 1180 },
      });
    expect(browser.blocked).toEqual([]);
    expect(browser.errors).toEqual([]);
    expect(readFileSync(tmp.join('report.html'), 'utf8')).not.toMatch(
      /https?:\/\/(?!www\.w3\.org)/,
    );
  }, 180_000);
});
