// Quote approvals in real Chromium against the real API and worker (built SPA served by apps/api,
// fresh PostgreSQL database with the demo users): the walkthrough of docs/product.md, steps 1–7.
// The admin requires approval with Max Manager as approver (three workflows appear), a rep's quote
// waits for approval, the manager requests changes, the rep resubmits, the manager sees round 2 with
// what changed and approves and publishes. Other people get the not-allowed page; a logged-out visitor
// logs in and comes back. Nothing is mocked. Afterwards approval is switched off again, so the
// other browser tests (quotes are live at once) see the account as they expect it.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import { request as playwrightRequest, type APIRequestContext, type Locator, type Page } from 'playwright-core';
import { launchBrowser, type E2eBrowser } from './browser';
import { findRepoRoot } from './paths';

const baseUrl = inject('baseUrl');
const root = findRepoRoot();
const screenshotDir = join(root, 'docs/screenshots');
const failureDir = join(root, 'tmp/e2e');
const DEMO_PASSWORD = 'demo';

const users = {
  admin: 'admin@example.com',
  manager: 'manager@example.com',
  /** The quote's creator in this file (Remy), so Rita's lists in quotes.e2e.spec.ts stay as they expect. */
  creator: 'rep2@example.com',
  /** Another rep, who is no approver. */
  otherRep: 'rep@example.com',
} as const;

type Json = Record<string, unknown>;
type QuoteBody = { id: string; status: string; version: number; sharePath: string | null; lineItems: Array<{ id: string }> };

let browser: E2eBrowser;
const api: Partial<Record<keyof typeof users, APIRequestContext>> = {};
/** The quote that goes through the walkthrough. */
let quoteId = '';
let quoteTitle = '';
let dealId = '';

beforeAll(async () => {
  browser = await launchBrowser({ baseUrl });
  await mkdir(screenshotDir, { recursive: true });
});

afterAll(async () => {
  // Leave the account as the other browser tests expect it: approval not required.
  const admin = api.admin;
  if (admin) {
    const current = (await (await admin.get('/api/v1/approvals/settings')).json()) as { version: number; defaultApproverId: string | null };
    await admin.put('/api/v1/approvals/settings', {
      data: { requireApproval: false, defaultApproverId: current.defaultApproverId, rules: [], ...(current.version > 0 ? { version: current.version } : {}) },
    });
  }
  await Promise.all(Object.values(api).map((context) => context?.dispose()));
  await browser?.close();
});

const pageProblems = new WeakMap<Page, string[]>();

/** A fresh tab without a session; on failure its screenshot goes to tmp/e2e/. */
async function openPage(): Promise<Page> {
  const page = await browser.newPage();
  const problems: string[] = [];
  pageProblems.set(page, problems);
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  onTestFailed(async ({ task }) => {
    await mkdir(failureDir, { recursive: true });
    await page.screenshot({ path: join(failureDir, `approvals-${task.name.replace(/[^\w-]+/g, '_').slice(0, 80)}.png`), fullPage: true }).catch(() => undefined);
  });
  return page;
}

async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible' });
  return locator;
}

async function logIn(page: Page, email: string): Promise<void> {
  await (await visible(page.getByLabel('Email', { exact: true }))).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
}

/** An API client with its own session cookie, for the steps the walkthrough does outside this UI. */
async function apiAs(who: keyof typeof users): Promise<APIRequestContext> {
  const existing = api[who];
  if (existing) return existing;
  const context = await playwrightRequest.newContext({ baseURL: baseUrl });
  const login = await context.post('/api/v1/auth/login', { data: { email: users[who], password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  api[who] = context;
  return context;
}

async function json<T = Json>(response: { status(): number; json(): Promise<unknown> }, status: number): Promise<T> {
  expect(response.status()).toBe(status);
  return (await response.json()) as T;
}

/** Picks an option of a PrimeVue Select (a combobox) by its label. */
async function choose(page: Page, combobox: Locator, option: string): Promise<void> {
  await combobox.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function quoteOf(id: string): Promise<QuoteBody> {
  return json<QuoteBody>(await (await apiAs('creator')).get(`/api/v1/quotes/${id}`), 200);
}

describe('quote approvals', () => {
  it('an admin switches on "Require approval on all quotes" with Max Manager as Approver and sees the three approval workflows', async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/settings`);
    await page.waitForURL((url) => url.pathname === '/login');
    await logIn(page, users.admin);
    await page.waitForURL((url) => url.pathname === '/settings');

    // Settings → Products & Quotes → Quotes.
    await visible(page.getByRole('heading', { level: 2, name: 'Products & Quotes' }));
    await page.getByRole('main').getByRole('link', { name: 'Quotes', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/settings/quotes');
    await visible(page.getByRole('heading', { level: 1, name: 'Quotes' }));
    expect(await page.title()).toBe('Quote settings · Quote approvals');

    const toggle = await visible(page.getByRole('switch', { name: 'Require approval on all quotes' }));
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    expect(await toggle.isChecked()).toBe(true);
    await choose(page, page.getByRole('combobox', { name: 'Approver' }), 'Max Manager');
    await expect.poll(() => page.getByRole('combobox', { name: 'Approver' }).textContent()).toContain('Max Manager');

    await page.getByRole('button', { name: 'Set approver and create workflows' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Settings saved.' }));

    // The worker installs the three workflows: the page lists them, with links, once they are on.
    const workflows = page.getByRole('region', { name: 'Approval workflows' });
    await visible(workflows.getByText('Approval is on.', { exact: false }));
    await expect
      .poll(() => workflows.getByRole('listitem').allInnerTexts(), { timeout: 60_000 })
      .toEqual([
        expect.stringMatching(/When quotes need approval\s*Active/),
        expect.stringMatching(/When changes are requested on a quote\s*Active/),
        expect.stringMatching(/When quotes are approved\s*Active/),
      ]);
    const listed = await (await apiAs('admin')).get('/api/v1/workflows');
    const installed = (await json<{ items: Array<{ id: string; name: string; enabled: boolean; setKey: string | null }> }>(listed, 200)).items.filter(
      (workflow) => workflow.setKey === 'quote-approvals-v1',
    );
    expect(installed.map((workflow) => workflow.enabled)).toEqual([true, true, true]);
    const needApproval = installed.find((workflow) => workflow.name === 'When quotes need approval');
    expect(await workflows.getByRole('link', { name: 'When quotes need approval' }).getAttribute('href')).toBe(`/workflows/${needApproval?.id}`);
    await page.screenshot({ path: join(screenshotDir, 'walkthrough-1-settings.png'), fullPage: true });

    // Saved for real: a reload shows the same settings.
    await page.reload();
    expect(await (await visible(page.getByRole('switch', { name: 'Require approval on all quotes' }))).isChecked()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Approver' }).textContent()).toContain('Max Manager');
    expect(pageProblems.get(page)).toEqual([]);
    await page.close();
  });

  it('a rep’s submitted quote is Pending approval; the manager opens the approval link, requests changes with notes, and the rep gets a task', async () => {
    // 3. The rep creates a quote and submits it (through the API: the set-up flow is the quotes pages' test).
    const creator = await apiAs('creator');
    const suffix = Date.now().toString(36);
    const company = await json<{ id: string }>(await creator.post('/api/v1/crm/companies', { data: { name: `Globex BV ${suffix}`, domain: `globex-${suffix}.example` } }), 201);
    dealId = (
      await json<{ id: string }>(
        await creator.post('/api/v1/crm/deals', { data: { name: `Globex renewal ${suffix}`, amount: '1000.00', currency: 'EUR', stage: 'qualified_to_buy', companyId: company.id } }),
        201,
      )
    ).id;
    quoteTitle = `Globex support plan ${suffix}`;
    const created = await json<{ id: string }>(
      await creator.post('/api/v1/quotes', {
        data: {
          title: quoteTitle,
          dealId,
          expiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
          commentsForBuyer: 'Thank you for your interest.',
          purchaseTerms: 'Payment within 30 days.',
          lineItems: [{ productName: 'Design', quantity: 2, unitPrice: '1500.00', discount: { type: 'percent', value: '25' } }],
        },
      }),
      201,
    );
    quoteId = created.id;
    const submitted = await json<QuoteBody>(await creator.post(`/api/v1/quotes/${quoteId}/submit`, { data: { version: 1 } }), 200);
    expect(submitted.status).toBe('pending_approval');
    expect(submitted.sharePath).toBeNull();

    // 4–5. The manager opens the approval link (the round opens a moment after the submit: the page waits for it).
    const page = await openPage();
    await page.goto(`${baseUrl}/login`);
    await logIn(page, users.manager);
    await page.waitForURL((url) => url.pathname === '/quotes');
    await page.goto(`${baseUrl}/quotes/${quoteId}/approval`);
    await visible(page.getByRole('heading', { level: 1, name: quoteTitle }));
    expect(await page.title()).toBe('Review quote · Quote approvals');
    const header = page.locator('.approval-header');
    await visible(header.getByText('Pending approval', { exact: true }));
    await visible(page.getByText('Round 1 · Waiting for a decision'));
    await visible(page.getByRole('region', { name: 'Why it needs approval' }).getByText('approval is required on all quotes'));
    // The quote as the buyer will see it.
    const quoteDocument = page.getByRole('region', { name: 'The quote as the buyer will see it' });
    for (const text of ['Design', '25%', '€2,250.00', 'Thank you for your interest.', 'Payment within 30 days.']) await visible(quoteDocument.getByText(text, { exact: false }).first());
    await page.screenshot({ path: join(screenshotDir, 'walkthrough-3-pending.png') });

    const decision = page.getByRole('group', { name: 'Decision' });
    const approve = decision.getByRole('button', { name: 'Approve and publish' });
    expect(await approve.isEnabled()).toBe(true);
    await decision.getByRole('button', { name: 'Request changes' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Request changes' }));
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    const notes = dialog.getByLabel('Notes');
    await expect.poll(() => notes.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    // Notes are required.
    await dialog.getByRole('button', { name: 'Request changes' }).click();
    await visible(dialog.getByText('Write what should change.'));
    expect(await notes.getAttribute('aria-invalid')).toBe('true');
    await notes.fill('Lower the discount to 15%');
    await page.screenshot({ path: join(screenshotDir, 'walkthrough-5-request-changes.png') });
    await dialog.getByRole('button', { name: 'Request changes' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await visible(page.getByRole('status').filter({ hasText: 'You requested changes. Remy Rep gets a task to act on them.' }));
    await visible(header.getByText('Changes requested', { exact: true }));
    expect(await approve.isDisabled()).toBe(true);
    await visible(page.getByText('Changes were already requested in this round.'));
    await visible(page.getByRole('region', { name: 'Decisions' }).getByText('Max Manager requested changes'));
    await visible(page.getByRole('region', { name: 'Decisions' }).getByText('Lower the discount to 15%'));

    // The quote is Changes requested, and the "When changes are requested" workflow gave the rep a task.
    await expect.poll(async () => (await quoteOf(quoteId)).status, { timeout: 60_000 }).toBe('changes_requested');
    await expect
      .poll(
        async () => {
          const tasks = await json<{ items: Array<{ relatedId?: string; notes?: string }> }>(await creator.get('/api/v1/tasks?status=open'), 200);
          return tasks.items.some((task) => task.relatedId === quoteId && task.notes === 'Lower the discount to 15%');
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    expect(pageProblems.get(page)).toEqual([]);
    await page.close();
  });

  it('after the rep edits and resubmits, the manager sees round 2 with the change line by line, approves and publishes', async () => {
    expect(quoteId).not.toBe('');
    const page = await openPage();
    await page.goto(`${baseUrl}/login`);
    await logIn(page, users.manager);
    await page.waitForURL((url) => url.pathname === '/quotes');
    await page.goto(`${baseUrl}/quotes/${quoteId}/approval`);
    await visible(page.getByRole('heading', { level: 1, name: quoteTitle }));
    await visible(page.getByText('Round 1 · Changes requested'));

    // 6. The creator edits the quote (discount 25% → 15%) and submits it again, while the manager looks.
    const creator = await apiAs('creator');
    const current = await quoteOf(quoteId);
    const edited = await json<QuoteBody>(
      await creator.put(`/api/v1/quotes/${quoteId}`, {
        data: {
          title: quoteTitle,
          dealId,
          expiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
          commentsForBuyer: 'Thank you for your interest.',
          purchaseTerms: 'Payment within 30 days.',
          lineItems: [{ id: current.lineItems[0]?.id, productName: 'Design', quantity: 2, unitPrice: '1500.00', discount: { type: 'percent', value: '15' } }],
          version: current.version,
        },
      }),
      200,
    );
    const resubmitted = await json<QuoteBody>(await creator.post(`/api/v1/quotes/${quoteId}/submit`, { data: { version: edited.version } }), 200);
    expect(resubmitted.status).toBe('pending_approval');

    // The page follows live: round 2, with what changed since round 1.
    await visible(page.getByText('Round 2 · Waiting for a decision'));
    const header = page.locator('.approval-header');
    await visible(header.getByText('Pending approval', { exact: true }));
    const changes = page.getByRole('region', { name: 'What changed since round 1' });
    const design = changes.getByRole('listitem').filter({ hasText: 'Design' }).first();
    await visible(design);
    expect((await design.innerText()).replace(/\s+/g, ' ')).toMatch(/Changed Design Discount: 25% → (changed to )?15% Amount: €2,250\.00 → (changed to )?€2,550\.00/);
    await visible(page.getByRole('region', { name: 'Decisions' }).getByText('Lower the discount to 15%'));
    await page.screenshot({ path: join(screenshotDir, 'walkthrough-6-round-2.png'), fullPage: true });

    // Approve and publish (top right).
    const approve = page.getByRole('group', { name: 'Decision' }).getByRole('button', { name: 'Approve and publish' });
    await expect.poll(() => approve.isEnabled()).toBe(true);
    await approve.click();
    await visible(page.getByRole('status').filter({ hasText: /You approved round 2|Approved and published/ }));
    // The quote becomes Approved, then Published, within a second or so: the page follows.
    await visible(header.getByText('Published', { exact: true }));
    await visible(page.getByRole('status').filter({ hasText: 'Approved and published. Remy Rep can now share it with contacts.' }));
    expect(await approve.isDisabled()).toBe(true);
    await visible(page.getByText('This round is already approved.'));

    const published = await quoteOf(quoteId);
    expect(published.status).toBe('published');
    expect(published.sharePath).toMatch(/^\/q\//);

    // Still so after a reload.
    await page.reload();
    await visible(page.getByRole('heading', { level: 1, name: quoteTitle }));
    await visible(page.locator('.approval-header').getByText('Published', { exact: true }));
    await visible(page.getByText('Round 2 · Approved'));
    await visible(page.getByRole('region', { name: 'Decisions' }).getByText('Max Manager approved'));
    await page.screenshot({ path: join(screenshotDir, 'walkthrough-7-published.png'), fullPage: true });
    expect(pageProblems.get(page)).toEqual([]);
    await page.close();
  });

  it('shows another rep who opens the approval link "You are not allowed to review this quote"', async () => {
    expect(quoteId).not.toBe('');
    const page = await openPage();
    await page.goto(`${baseUrl}/login`);
    await logIn(page, users.otherRep);
    await page.waitForURL((url) => url.pathname === '/quotes');

    await page.goto(`${baseUrl}/quotes/${quoteId}/approval`);
    await visible(page.getByRole('heading', { level: 1, name: 'You are not allowed to review this quote' }));
    await visible(page.getByText('Only the approvers of this quote can open its approval page.', { exact: false }));
    expect(await page.getByRole('button', { name: 'Approve and publish' }).count()).toBe(0);
    expect(await page.getByText(quoteTitle).count()).toBe(0);
    expect(pageProblems.get(page)).toEqual([]);
    await page.close();
  });

  it('sends a logged-out visitor of the approval link to the login page and back to the approval page after logging in', async () => {
    expect(quoteId).not.toBe('');
    const page = await openPage();
    const link = `/quotes/${quoteId}/approval`;

    await page.goto(`${baseUrl}${link}`);
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('redirect') === link);
    await logIn(page, users.manager);

    await page.waitForURL((url) => url.pathname === link);
    await visible(page.getByRole('heading', { level: 1, name: quoteTitle }));
    await visible(page.getByText('Round 2 · Approved'));
    expect(pageProblems.get(page)).toEqual([]);
    await page.close();
  });
});
