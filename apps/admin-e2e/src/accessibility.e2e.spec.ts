// Automated accessibility audit (issue 19): axe-core checks the WCAG 2.0–2.2 A and AA rules on every
// screen of the walkthrough, at 1280 × 800 and again at 390 × 844 (the same page, resized), in
// English and in Dutch, in real Chromium against the real API and worker (built SPA served by
// apps/api, fresh PostgreSQL database with the demo users). Nothing is mocked; any violation fails
// the test with its rule, impact, elements and help. At 390 × 844 each screen must also not scroll
// sideways and have no tap target under 24 × 24 px outside WCAG 2.5.8's exceptions (phone-checks.ts).
//
// Set-up through the API: Remy Rep publishes a quote while approval is off (the buyer's page); the
// admin requires approval with Max Manager as Approver (the worker installs the approval
// workflows), Remy submits a quote (Pending approval: an approval page, and Max's approval e-mail
// with its confirm link) and keeps a draft (the set-up flow's later steps), and the admin gives
// Max a task. Spec files share the database: afterAll switches approval off again and completes
// this file's open tasks, as the other browser tests expect the account.
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { linksIn, readCapturedMails, waitUntil } from '@qa/shared-testing';
import { apiSessions, json, switchApprovalOff } from './api-sessions';
import { launchBrowser, type E2eBrowser } from './browser';
import { DEMO_PASSWORD, isoDateIn, openPage as openTab, pageProblems, visible } from './page-helpers';
import { WORKER_MS, type QuoteBody } from './walkthrough-state';
import { DESKTOP, expectNoSidewaysScroll, PHONE, smallTapTargets } from './phone-checks';

const baseUrl = inject('baseUrl');
const mailDir = inject('mailDir');

/** The WCAG 2.0, 2.1 and 2.2 success criteria of levels A and AA. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const users = { admin: 'admin@example.com', manager: 'manager@example.com', rep: 'rep2@example.com' } as const;
type Who = keyof typeof users;
const api = apiSessions(baseUrl, users);

const suffix = Date.now().toString(36);
const made = {
  quoteId: '',
  quoteTitle: `Audit quote ${suffix}`,
  draftId: '',
  draftTitle: `Audit draft ${suffix}`,
  publishedTitle: `Audit published ${suffix}`,
  sharePath: '',
  confirmPath: '',
  workflowId: '',
  taskId: '',
};

let browser: E2eBrowser;

beforeAll(async () => {
  browser = await launchBrowser({ baseUrl });
  const admin = await api.as('admin');
  const rep = await api.as('rep');

  const all = await json<{ items: Array<{ id: string; email: string }> }>(await admin.get('/api/v1/users'), 200);
  const managerId = all.items.find((user) => user.email === users.manager)?.id ?? '';
  expect(managerId).not.toBe('');

  // Remy's CRM records, and a quote published while approval is off: the buyer's page.
  await switchApprovalOff(admin);
  const company = await json<{ id: string }>(await rep.post('/api/v1/crm/companies', { data: { name: `Audit BV ${suffix}`, domain: `audit-${suffix}.example` } }), 201);
  const contact = await json<{ id: string }>(
    await rep.post('/api/v1/crm/contacts', { data: { name: 'Anna Audit', email: `anna-${suffix}@audit.example`, companyId: company.id } }),
    201,
  );
  const deal = await json<{ id: string }>(
    await rep.post('/api/v1/crm/deals', { data: { name: `Audit deal ${suffix}`, amount: '5000.00', currency: 'EUR', stage: 'qualified_to_buy', companyId: company.id } }),
    201,
  );
  const newQuote = async (title: string) =>
    json<{ id: string }>(
      await rep.post('/api/v1/quotes', {
        data: {
          title,
          dealId: deal.id,
          recipientContactIds: [contact.id],
          expiresOn: isoDateIn(30),
          lineItems: [{ productName: 'Audit hours', description: 'On site', quantity: 8, unitPrice: '120.00', discount: { type: 'percent', value: '10' } }],
          commentsForBuyer: 'Thank you for your interest.',
          purchaseTerms: 'Payment within 30 days.',
        },
      }),
      201,
    );
  const published = await newQuote(made.publishedTitle);
  const live = await json<QuoteBody>(await rep.post(`/api/v1/quotes/${published.id}/submit`, { data: { version: 1 } }), 200);
  expect([live.status, live.sharePath]).toEqual(['approval_not_needed', expect.stringMatching(/^\/q\//)]);
  made.sharePath = live.sharePath ?? '';

  // Approval on all quotes, Max approves.
  const settings = await json<{ version: number }>(await admin.get('/api/v1/approvals/settings'), 200);
  const saved = await admin.put('/api/v1/approvals/settings', {
    data: { requireApproval: true, defaultApproverId: managerId, rules: [], ...(settings.version > 0 ? { version: settings.version } : {}) },
  });
  expect(saved.status()).toBe(200);
  // The worker installs the approval workflows from that save; a quote submitted before would start none.
  await vi.waitFor(
    async () => {
      const workflows = await json<{ items: Array<{ name: string; enabled: boolean }> }>(await admin.get('/api/v1/workflows'), 200);
      if (!workflows.items.some((workflow) => workflow.name === 'When quotes need approval' && workflow.enabled)) throw new Error('the approval workflows are not installed yet');
    },
    { timeout: WORKER_MS, interval: 250 },
  );

  // Remy's quote, submitted: Pending approval; and a draft.
  const quote = await newQuote(made.quoteTitle);
  made.quoteId = quote.id;
  const submitted = await json<QuoteBody>(await rep.post(`/api/v1/quotes/${quote.id}/submit`, { data: { version: 1 } }), 200);
  expect(submitted.status).toBe('pending_approval');
  made.draftId = (await newQuote(made.draftTitle)).id;

  // A task in Max's list (the approval workflow's own task comes when the worker has installed it).
  const task = await json<{ id: string }>(
    await admin.post('/api/v1/tasks', { data: { title: `Check the audit quote ${suffix}`, assigneeId: managerId, relatedType: 'quote', relatedId: quote.id, dueOn: isoDateIn(7) } }),
    201,
  );
  made.taskId = task.id;

  // A workflow with a run to open: "When quotes need approval" ran for the submitted quote.
  made.workflowId = await vi.waitFor(
    async () => {
      const workflows = await json<{ items: Array<{ id: string; name: string; runs: number }> }>(await admin.get('/api/v1/workflows'), 200);
      const needed = workflows.items.find((workflow) => workflow.name === 'When quotes need approval' && workflow.runs > 0);
      if (!needed) throw new Error('no run of "When quotes need approval" yet');
      return needed.id;
    },
    { timeout: WORKER_MS, interval: 250 },
  );

  // Max's approval e-mail: its Approve link opens the confirm page.
  const mail = await waitUntil(async () => (await readCapturedMails(mailDir)).find((sent) => sent.to.includes(users.manager) && sent.subject.includes(made.quoteTitle)), {
    timeoutMs: WORKER_MS,
  });
  const [approveLink] = linksIn(mail.text, `${baseUrl}/approvals/confirm?token=`);
  expect(approveLink).toBeTruthy();
  made.confirmPath = new URL(approveLink ?? baseUrl).pathname + new URL(approveLink ?? baseUrl).search;
});

afterAll(async () => {
  try {
    const admin = await api.as('admin');
    await switchApprovalOff(admin);
    if (made.quoteId) {
      const open = await json<{ items: Array<{ id: string }> }>(await admin.get(`/api/v1/tasks?assignee=anyone&status=open&relatedType=quote&relatedId=${made.quoteId}`), 200);
      for (const task of open.items) await admin.post(`/api/v1/tasks/${task.id}/complete`);
    }
  } finally {
    await api.dispose();
    await browser?.close();
  }
});

type Locale = 'en' | 'nl';

interface Screen {
  name: string;
  /** Logged out when not given. */
  who?: Who;
  path: () => string;
  /** The page's level-1 heading once it has loaded (any text when not given). */
  heading?: (locale: Locale) => string;
  /** What else must be on the page before it is audited (its data loaded). */
  ready?: (page: Page, locale: Locale) => Promise<unknown>;
}

const inMain = (page: Page) => page.getByRole('main');
const setupStep = (step: string, n: number): Screen => ({
  name: `edit draft (set-up flow, step ${n} of 4)`,
  who: 'rep',
  path: () => `/quotes/${made.draftId}/edit?step=${step}`,
  ready: (page) => visible(page.getByRole('heading', { level: 2, name: new RegExp(`^(Step|Stap) ${n} (of|van) 4`) })),
});

const screens: Screen[] = [
  { name: 'login', path: () => '/login', heading: (locale) => ({ en: 'Log in', nl: 'Inloggen' })[locale] },
  {
    name: 'quotes list',
    who: 'rep',
    path: () => '/quotes',
    heading: (locale) => ({ en: 'Quotes', nl: 'Offertes' })[locale],
    ready: (page) => visible(page.locator(`tr[data-quote-id="${made.quoteId}"]`)),
  },
  {
    name: 'new quote (set-up flow, Details)',
    who: 'rep',
    path: () => '/quotes/new',
    heading: (locale) => ({ en: 'New quote', nl: 'Nieuwe offerte' })[locale],
    ready: (page) => visible(page.getByRole('heading', { level: 2 })),
  },
  setupStep('lineItems', 2),
  setupStep('terms', 3),
  setupStep('review', 4),
  {
    name: 'quote page',
    who: 'rep',
    path: () => `/quotes/${made.quoteId}`,
    heading: () => made.quoteTitle,
    ready: (page) => visible(page.locator('.detail-header')),
  },
  {
    name: 'tasks',
    who: 'manager',
    path: () => '/tasks',
    heading: (locale) => ({ en: 'Tasks', nl: 'Taken' })[locale],
    ready: (page) => visible(page.locator(`tr[data-task-id="${made.taskId}"]`)),
  },
  {
    name: 'notifications panel',
    who: 'manager',
    path: () => '/tasks',
    heading: (locale) => ({ en: 'Tasks', nl: 'Taken' })[locale],
    ready: async (page) => {
      await (await visible(page.locator('.notifications-bell .bell-button'))).click();
      return visible(page.getByRole('dialog'));
    },
  },
  {
    name: 'approval page of a pending quote',
    who: 'manager',
    path: () => `/quotes/${made.quoteId}/approval`,
    heading: () => made.quoteTitle,
    ready: (page) => visible(page.locator('[data-testid="approval-round"]'), WORKER_MS),
  },
  {
    name: 'approval page, Request changes dialog',
    who: 'manager',
    path: () => `/quotes/${made.quoteId}/approval`,
    heading: () => made.quoteTitle,
    ready: async (page) => {
      const button = page.locator('.approval-actions button[aria-haspopup="dialog"]');
      await expect.poll(() => button.isEnabled(), { timeout: WORKER_MS }).toBe(true);
      await button.click();
      return visible(page.getByRole('dialog').locator('textarea'));
    },
  },
  {
    name: 'approval e-mail’s confirm page',
    who: 'manager',
    path: () => made.confirmPath,
    ready: (page) => visible(page.locator('form.link-confirm button[type="submit"]')),
  },
  {
    name: 'buyer’s page (logged out)',
    path: () => made.sharePath,
    heading: () => made.publishedTitle,
    // It speaks the quote's language (English) until the buyer picks another.
    ready: async (page, locale) => {
      if (locale !== 'nl') return;
      await page.getByRole('combobox', { name: 'Language' }).click();
      await page.getByRole('option', { name: 'Nederlands', exact: true }).click();
      // (The switch is then labelled in Dutch.)
      await expect.poll(() => page.getByRole('combobox', { name: 'Taal' }).textContent()).toContain('Nederlands');
    },
  },
  {
    name: 'workflows list',
    who: 'admin',
    path: () => '/workflows',
    heading: () => 'Workflows',
    ready: (page) => visible(page.locator(`tr[data-workflow-id="${made.workflowId}"]`)),
  },
  {
    name: 'workflow with its runs',
    who: 'admin',
    path: () => `/workflows/${made.workflowId}`,
    // (A built-in workflow's name is worded in the reader's language.)
    ready: async (page) => {
      await visible(page.locator('form.workflow-form'));
      return visible(page.locator('[data-run-id]').first(), WORKER_MS);
    },
  },
  {
    name: 'approval policy (Settings → Products & Quotes → Approvals)',
    who: 'admin',
    path: () => '/settings/approvals',
    heading: (locale) => ({ en: 'Approvals', nl: 'Goedkeuring' })[locale],
    ready: (page) => visible(page.getByRole('switch')),
  },
  {
    name: 'approval policy editor with a new rule',
    who: 'admin',
    path: () => '/settings/approvals',
    heading: (locale) => ({ en: 'Approvals', nl: 'Goedkeuring' })[locale],
    ready: async (page) => {
      await (await visible(page.getByRole('button', { name: /^(Add rule|Regel toevoegen)$/ }))).click();
      return visible(page.locator('.rule[data-rule-key]').first());
    },
  },
  {
    name: 'settings with users and out of office',
    who: 'admin',
    path: () => '/settings',
    heading: (locale) => ({ en: 'Settings', nl: 'Instellingen' })[locale],
    ready: (page) => visible(inMain(page).getByText(users.manager, { exact: true }).first()),
  },
  {
    name: 'settings of a manager (out of office)',
    who: 'manager',
    path: () => '/settings',
    heading: (locale) => ({ en: 'Settings', nl: 'Instellingen' })[locale],
    ready: (page) => visible(inMain(page).getByRole('heading', { level: 2 }).first()),
  },
  {
    name: 'quote settings',
    who: 'admin',
    path: () => '/settings/quotes',
    ready: (page) => visible(page.locator('.approvals-pointer')),
  },
  {
    name: 'companies',
    who: 'manager',
    path: () => '/settings/companies',
    ready: (page) => visible(inMain(page).getByText(`Audit BV ${suffix}`).first()),
  },
  {
    name: 'audit log with the approval ledger, verified',
    who: 'admin',
    path: () => '/settings/audit',
    heading: (locale) => ({ en: 'Audit log', nl: 'Auditlogboek' })[locale],
    ready: async (page) => {
      await (await visible(page.locator('.ledger-verify-button'))).click();
      return expect.poll(() => page.locator('.ledger-outcome').innerText(), { timeout: WORKER_MS }).not.toBe('');
    },
  },
  {
    name: 'analytics',
    who: 'manager',
    path: () => '/analytics',
    heading: (locale) => ({ en: 'Analytics', nl: 'Analyses' })[locale],
    ready: (page) => visible(page.locator('section.chart-card').first(), WORKER_MS),
  },
  {
    name: 'notification settings',
    who: 'manager',
    path: () => '/settings/notifications',
    heading: (locale) => ({ en: 'Notification settings', nl: 'Meldingsinstellingen' })[locale],
    ready: (page) => visible(page.locator('#notify-decided-email')),
  },
];

/** One line per violation and element: rule, impact, the element's selector and what to do. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact ?? 'no impact'}) at ${node.target.join(' ')}: ${violation.help} — ${node.failureSummary ?? ''}`.replace(/\s+/g, ' ')),
  );
}

/** axe-core's violations of the page as it is now, then whether it fits a phone (after resizing to 390 × 844). */
async function auditBothSizes(page: Page, what: string): Promise<void> {
  expect(page.viewportSize()).toEqual(DESKTOP);
  expect(await axeViolations(page), `${what} at 1280 × 800`).toEqual([]);
  await page.setViewportSize(PHONE);
  // (Media queries apply at once; a frame lets the layout settle.)
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(await axeViolations(page), `${what} at 390 × 844`).toEqual([]);
  await expectNoSidewaysScroll(page, what);
  expect(await smallTapTargets(page), `${what} at 390 × 844: targets under 24 × 24 px`).toEqual([]);
}

describe.each<Locale>(['en', 'nl'])('axe-core, WCAG 2.0–2.2 A and AA, at 1280 × 800 and 390 × 844, in %s', (locale) => {
  it.each(screens)('finds no violations on the $name screen', async (screen) => {
    const page = await openTab(browser);
    // The SPA reads the language from localStorage; a session cookie from the API logs the page in.
    await page.evaluate((chosen) => localStorage.setItem('qa.locale', chosen), locale);
    if (screen.who) {
      const login = await page.request.post(`${baseUrl}/api/v1/auth/login`, { data: { email: users[screen.who], password: DEMO_PASSWORD } });
      expect(login.status()).toBe(200);
    }
    await page.goto(`${baseUrl}${screen.path()}`);
    const heading = screen.heading?.(locale);
    await visible(page.getByRole('heading', heading === undefined ? { level: 1 } : { level: 1, name: heading, exact: true }), WORKER_MS).catch(async (error: Error) => {
      throw new Error(`${error.message}\n${page.url()} shows: ${(await page.locator('body').innerText()).slice(0, 300)}\nproblems: ${pageProblems(page).join('; ')}`);
    });
    await screen.ready?.(page, locale);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);

    await auditBothSizes(page, screen.name);
    expect(pageProblems(page)).toEqual([]);
    await page.close();
  });
});
