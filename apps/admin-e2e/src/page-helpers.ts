// What every browser test does with a page: open a tab that records its problems, wait for what
// is visible, log in, pick from a PrimeVue Select, and save screenshots (docs/screenshots for the
// README, tmp/e2e when a test fails).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, onTestFailed, vi } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { E2eBrowser } from './browser';
import { findRepoRoot } from './paths';

export const DEMO_PASSWORD = 'demo';
export const screenshotDir = join(findRepoRoot(), 'docs/screenshots');
const failureDir = join(findRepoRoot(), 'tmp/e2e');

/** Uncaught exceptions and Content Security Policy violations seen by each page. */
const problems = new WeakMap<Page, string[]>();

/** What went wrong in the page so far (HTTP 4xx answers are not problems: GET /me → 401 is expected). */
export function pageProblems(page: Page): string[] {
  return problems.get(page) ?? [];
}

/**
 * A fresh tab in `on` that records its problems. By default its screenshot goes to tmp/e2e/ when
 * the running test fails; pass `screenshotOnFailure: false` for a tab opened outside a test or
 * kept across tests (then call `screenshotsOnFailure` in each test).
 */
export async function openPage(on: E2eBrowser, { screenshotOnFailure = true }: { screenshotOnFailure?: boolean } = {}): Promise<Page> {
  const page = await on.newPage();
  const seen: string[] = [];
  problems.set(page, seen);
  page.on('pageerror', (error) => seen.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/.test(message.text())) seen.push(message.text());
  });
  if (screenshotOnFailure) screenshotsOnFailure({ page });
  return page;
}

/** When the running test fails, each open page's screenshot goes to tmp/e2e/<test>-<who>.png. */
export function screenshotsOnFailure(pages: Record<string, Page | undefined>): void {
  onTestFailed(async ({ task }) => {
    await mkdir(failureDir, { recursive: true });
    const name = task.name.replace(/[^\w-]+/g, '_').slice(0, 60);
    for (const [who, page] of Object.entries(pages)) {
      if (page && !page.isClosed()) await page.screenshot({ path: join(failureDir, `${name}-${who}-${Date.now()}.png`), fullPage: true }).catch(() => undefined);
    }
  });
}

/** Saves a screenshot for the docs (docs/screenshots/<file>). */
export async function shot(page: Page, file: string, fullPage = true): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, file), fullPage });
}

export async function visible(locator: Locator, timeout?: number): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout });
  return locator;
}

/**
 * Opens a popup menu from its button and answers the menu once it shows. A list that re-renders
 * on a live update (the worker's events arriving) closes a menu just opened: the button is pressed
 * again while the menu is not showing.
 */
export async function openMenu(button: Locator, menu: Locator, timeout = 15_000): Promise<Locator> {
  await vi.waitFor(
    async () => {
      if (!(await menu.isVisible())) await button.click();
      await menu.waitFor({ state: 'visible', timeout: 2_000 });
    },
    { timeout, interval: 100 },
  );
  return menu;
}

/** Fills in the login form the page shows and submits it. */
export async function enterCredentials(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await (await visible(page.getByLabel('Email', { exact: true }))).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
}

/** Opens the login page, logs in as a demo user and waits for the quotes list. */
export async function logIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await enterCredentials(page, email);
  await page.waitForURL((url) => url.pathname === '/quotes');
}

/** Picks an option of a PrimeVue Select (a combobox with a listbox overlay) by its label. */
export async function choose(page: Page, combobox: Locator, option: string): Promise<void> {
  await combobox.click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect.poll(() => combobox.textContent()).toContain(option);
}

/** Waits for the set-up flow's step heading. */
export async function stepHeading(page: Page, text: RegExp): Promise<void> {
  await visible(page.getByRole('heading', { level: 2, name: text }));
}

/** A calendar date `days` from today (UTC), as a date input takes it. */
export function isoDateIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Step 1 of the quote set-up flow: a title, a deal found by a word of its name, one recipient and the expiry date. */
export async function fillQuoteDetails(
  page: Page,
  details: { title: string; dealSearch: string; deal: string; company: string; contact: string; contactEmail: string; validUntil: string },
): Promise<void> {
  await page.getByLabel('Title', { exact: true }).fill(details.title);
  await page.getByRole('combobox', { name: 'Deal' }).fill(details.dealSearch);
  await page.getByRole('option', { name: new RegExp(details.deal) }).click();
  await expect.poll(() => page.getByTestId('quote-company').textContent()).toBe(details.company);
  // (Keyboard: the multi-select opens with ArrowDown.)
  await page.getByRole('combobox', { name: 'Recipients' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: `${details.contact} (${details.contactEmail})` }).click();
  await page.keyboard.press('Escape');
  await page.getByLabel('Valid until').fill(details.validUntil);
}

/** Clicks Next in the quote set-up flow and waits for the next step's heading. */
export async function nextStep(page: Page, heading: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Next' }).click();
  await stepHeading(page, heading);
}
