// Launches the system's Chromium (Debian package) through playwright-core, headless, with a
// fresh temporary profile. `npx playwright install` cannot download browsers on these machines.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface E2eBrowser {
  context: BrowserContext;
  /** A new tab with no session: cookies and storage of earlier tests are cleared first. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(options: { baseUrl?: string } = {}): Promise<E2eBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'qa-admin-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    baseURL: options.baseUrl,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/Amsterdam',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);

  return {
    context,
    async newPage() {
      await context.clearCookies();
      for (const open of context.pages()) await open.close();
      const page = await context.newPage();
      if (options.baseUrl) {
        // Start every test with empty localStorage too (only the chosen language lives there).
        await page.goto(new URL('/login', options.baseUrl).toString());
        await page.evaluate(() => localStorage.clear());
      }
      return page;
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
