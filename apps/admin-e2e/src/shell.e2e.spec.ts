// The admin shell in real Chromium against the real API (built SPA served by apps/api, fresh
// PostgreSQL database with the demo users). Started by ./global-setup.ts; nothing is mocked.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type E2eBrowser } from './browser';
import { enterCredentials as logIn, openPage as openTab, pageProblems, shot, visible } from './page-helpers';

/** Where the user menu's first item, Notification settings, leads. */
const NOTIFICATION_SETTINGS_PATH = '/settings/notifications';

const baseUrl = inject('baseUrl');

const demoUsers = [
  { email: 'admin@example.com', name: 'Ada Admin', role: 'Admin' },
  { email: 'manager@example.com', name: 'Max Manager', role: 'Sales manager' },
  { email: 'rep@example.com', name: 'Rita Rep', role: 'Sales rep' },
  { email: 'rep2@example.com', name: 'Remy Rep', role: 'Sales rep' },
];

let browser: E2eBrowser;

beforeAll(async () => {
  browser = await launchBrowser({ baseUrl });
});

afterAll(async () => {
  await browser?.close();
});

/** A fresh tab without a session; on failure its screenshot goes to tmp/e2e/. */
const openPage = () => openTab(browser);

function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

async function expectShell(page: Page, user: { name: string }): Promise<void> {
  const nav = await visible(page.getByRole('navigation', { name: 'Main' }));
  const sales = nav.getByRole('group', { name: 'Sales' });
  await visible(sales.getByRole('link', { name: 'Quotes', exact: true }));
  const links = { Quotes: '/quotes', Tasks: '/tasks', Workflows: '/workflows', Settings: '/settings' };
  for (const [name, href] of Object.entries(links)) {
    // The Tasks link carries a live badge: "Tasks, 2 open" while the user has open tasks (other specs may make some).
    const link = await visible(nav.getByRole('link', name === 'Tasks' ? { name: /^Tasks(, \d+ open)?$/ } : { name, exact: true }));
    expect(await link.getAttribute('href')).toBe(href);
  }
  await visible(page.getByRole('banner').getByText('Quote approvals', { exact: true }));
  const userButton = await visible(page.getByRole('button', { name: user.name, exact: true }));
  expect(await userButton.getAttribute('aria-haspopup')).toBe('menu');
  expect(await userButton.getAttribute('aria-expanded')).toBe('false');
}

describe('admin shell', () => {
  it.each(demoUsers)('$name logs in, sees the shell with the main navigation and logs out via the user menu', async (user) => {
    const page = await openPage();
    await page.goto(`${baseUrl}/login`);
    await visible(page.getByRole('heading', { level: 1, name: 'Log in' }));

    await logIn(page, user.email);

    await page.waitForURL((url) => url.pathname === '/quotes');
    await expectShell(page, user);
    await visible(page.getByRole('main').getByRole('heading', { level: 1, name: 'Quotes' }));
    // The quotes list (empty, or with quotes made by quotes.e2e.spec.ts when that file ran first).
    await visible(page.getByRole('main').getByRole('link', { name: 'New quote' }));
    expect(await page.title()).toBe('Quotes · Quote approvals');
    if (user.email === 'admin@example.com') {
      await shot(page, 'shell.png', false);
    }

    const userButton = page.getByRole('button', { name: user.name, exact: true });
    await userButton.click();
    const menu = await visible(page.getByRole('menu', { name: user.name }));
    expect(await userButton.getAttribute('aria-expanded')).toBe('true');
    const userMenuPanel = page.locator(`#${await userButton.getAttribute('aria-controls')}`);
    await visible(userMenuPanel.getByText(user.email, { exact: true }));
    await visible(userMenuPanel.getByText(user.role, { exact: true }));
    await menu.getByRole('menuitem', { name: 'Log out' }).click();

    await page.waitForURL((url) => url.pathname === '/login');
    await visible(page.getByLabel('Email', { exact: true }));
    // The session really ended on the server: a protected page sends us back to the login page.
    await page.goto(`${baseUrl}/quotes`);
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('redirect') === '/quotes');
    expect(pageProblems(page)).toEqual([]);
    await page.close();
  });

  it('shows "Wrong e-mail or password" in an alert for a wrong password and stays on the login page', async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/login`);
    await visible(page.getByLabel('Email', { exact: true }));
    await shot(page, 'login.png', false);

    await logIn(page, 'admin@example.com', 'not-the-password');

    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toContain('Wrong e-mail or password');
    expect(pathOf(page)).toBe('/login');
    await page.close();
  });

  it('sends a logged-out visit of /quotes to /login and back to /quotes after logging in', async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/quotes`);
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('redirect') === '/quotes');

    await logIn(page, 'rep@example.com');

    await page.waitForURL((url) => url.pathname === '/quotes');
    await visible(page.getByRole('main').getByRole('heading', { level: 1, name: 'Quotes' }));
    await page.close();
  });

  it('returns to the page asked for (not just the default) after logging in', async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/workflows`);
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('redirect') === '/workflows');

    await logIn(page, 'manager@example.com');

    await page.waitForURL((url) => url.pathname === '/workflows');
    await visible(page.getByRole('main').getByRole('heading', { level: 1, name: 'Workflows' }));
    await page.close();
  });

  it('operates the skip link and the user menu with the keyboard only', async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/login`);
    await logIn(page, 'admin@example.com');
    await page.waitForURL((url) => url.pathname === '/quotes');
    // After logging in, focus is on the new page's main content.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main-content');

    // A fresh page load: the first Tab reaches the skip link.
    await page.goto(`${baseUrl}/quotes`);
    await visible(page.getByRole('main').getByRole('heading', { level: 1, name: 'Quotes' }));
    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Skip to main content' });
    expect(await skipLink.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');

    const userButton = page.getByRole('button', { name: 'Ada Admin', exact: true });
    await userButton.focus();
    await page.keyboard.press('Enter');
    await visible(page.getByRole('menu', { name: 'Ada Admin' }));
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'hidden' });
    expect(await userButton.evaluate((element) => element === document.activeElement)).toBe(true);

    // The first item opens the notification settings; the last logs out.
    await page.keyboard.press('Enter');
    await visible(page.getByRole('menu', { name: 'Ada Admin' }));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === NOTIFICATION_SETTINGS_PATH);
    await userButton.focus();
    await page.keyboard.press('Enter');
    await visible(page.getByRole('menu', { name: 'Ada Admin' }));
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/login');
    await page.close();
  });

  it('shows admins a Queues link to the queue dashboard at /admin/queues and sales reps none', async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/login`);
    await logIn(page, 'admin@example.com');
    await page.waitForURL((url) => url.pathname === '/quotes');
    const nav = await visible(page.getByRole('navigation', { name: 'Main' }));
    const queues = await visible(nav.getByRole('link', { name: 'Queues', exact: true }));
    expect(await queues.getAttribute('href')).toBe('/admin/queues');
    // A server page (Bull Board), not an SPA route: following the link leaves the app.
    await queues.click();
    await page.waitForURL((url) => url.pathname.startsWith('/admin/queues'));
    await page.getByRole('navigation', { name: 'Main' }).waitFor({ state: 'detached' });
    await page.close();

    const repPage = await openPage();
    await repPage.goto(`${baseUrl}/login`);
    await logIn(repPage, 'rep@example.com');
    await repPage.waitForURL((url) => url.pathname === '/quotes');
    const repNav = await visible(repPage.getByRole('navigation', { name: 'Main' }));
    await visible(repNav.getByRole('link', { name: 'Settings', exact: true }));
    expect(await repNav.getByRole('link', { name: 'Queues', exact: true }).count()).toBe(0);
    expect(await repPage.locator('a[href="/admin/queues"]').count()).toBe(0);
    await repPage.close();
  });

  it('opens the live-updates stream after logging in and shows no "Live updates paused" notice', async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/login`);
    await visible(page.getByLabel('Email', { exact: true }));
    const stream = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/v1/events/stream');

    await logIn(page, 'manager@example.com');

    const response = await stream;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/event-stream/);
    await page.waitForURL((url) => url.pathname === '/quotes');
    const notice = page.getByRole('banner').getByRole('status');
    await notice.waitFor({ state: 'attached' });
    expect(await notice.textContent()).toBe('');
    expect(pageProblems(page)).toEqual([]);
    await page.close();
  });

  it('switches the shell to Nederlands and keeps the choice after a reload', async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/login`);
    await logIn(page, 'rep2@example.com');
    await page.waitForURL((url) => url.pathname === '/quotes');

    await (await visible(page.getByRole('combobox', { name: 'Language' }))).click();
    await page.getByRole('option', { name: 'Nederlands' }).click();

    await visible(page.getByRole('main').getByRole('heading', { level: 1, name: 'Offertes' }));
    await visible(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Taken', exact: true }));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    await page.reload();
    await visible(page.getByRole('main').getByRole('heading', { level: 1, name: 'Offertes' }));
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['qa.locale']);
    await page.close();
  });
  it('sends an admin who opens /admin/queues logged out through the login page to the queue dashboard', async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/admin/queues`);
    await page.waitForURL((url) => url.pathname === '/login');
    await logIn(page, 'admin@example.com');
    await page.waitForURL((url) => url.pathname === '/admin/queues');
    await page.waitForSelector('text=Queues');
    await page.close();
  });
});
