// Headless Chromium for the report tests: Debian's /usr/bin/chromium driven by
// playwright-core (no downloaded browser), started so that it contacts nothing, with every
// request that is not a local file refused and recorded, and console errors collected.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** A browser with a network guard; `close()` ends the browser process and removes its profile. */
export interface GuardedBrowser {
  context: BrowserContext;
  /** URLs of requests that tried to leave the local file system. */
  blocked: string[];
  /** Console errors and uncaught page errors, from every page. */
  errors: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

const ALLOWED = /^(file|data|blob|about):/;

// The few DOM shapes the page functions below use (this package compiles without the DOM lib).
interface ImgLike {
  className: string;
  alt: string;
  complete: boolean;
  naturalWidth: number;
  getBoundingClientRect(): { width: number };
}
interface DocLike {
  querySelectorAll(selector: string): ArrayLike<ImgLike>;
}
// Page functions are serialised into the page: they cannot call helpers of this module.

/** Starts Chromium; fails (never skips) when it is not installed. */
export async function launchBrowser(executable: string = CHROMIUM): Promise<GuardedBrowser> {
  if (!existsSync(executable)) {
    throw new Error(
      `${executable} not found: the report tests need Debian's chromium. Install it with \`bash scripts/install-system-deps.sh\` (as root; it runs apt-get install chromium).`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'scitex-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: executable,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('request', (req) => {
    const url = req.url();
    if (!ALLOWED.test(url) && !blocked.includes(url)) blocked.push(url);
  });
  const watch = (page: Page): void => {
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
  };
  context.on('page', watch);
  for (const p of context.pages()) watch(p);
  return {
    context,
    blocked,
    errors,
    newPage: () => context.newPage(),
    async close() {
      try {
        await context.close();
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}

/** Opens `file` and waits until the page script has run. */
export async function openReport(b: GuardedBrowser, file: string): Promise<Page> {
  const page = b.context.pages()[0] ?? (await b.newPage());
  await page.goto(`file://${file}`);
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  return page;
}

/** Opens a run's details from the table and waits until its images are decoded. */
export async function openRun(page: Page, runId: string): Promise<string> {
  const link = page.locator('#runs a', { hasText: runId });
  const target = await link.getAttribute('data-open');
  await link.click();
  await page.locator(`#${target} .body[data-ready]`).waitFor({ state: 'attached' });
  await page.waitForFunction(
    (id) =>
      Array.from(
        (globalThis as unknown as { document: DocLike }).document.querySelectorAll(`#${id} img`),
      ).every((i) => i.complete),
    target,
  );
  return target!;
}

/** Facts about the images of one details element: class, shown size, decoded size. */
export function imagesOf(
  page: Page,
  detailsId: string,
): Promise<{ cls: string; alt: string; width: number; natural: number }[]> {
  return page.evaluate(
    (id) =>
      Array.from(
        (globalThis as unknown as { document: DocLike }).document.querySelectorAll(`#${id} img`),
      ).map((img) => {
        const r = img.getBoundingClientRect();
        return { cls: img.className, alt: img.alt, width: r.width, natural: img.naturalWidth };
      }),
    detailsId,
  );
}
