// Automated accessibility audit (issue 19): axe-core checks the WCAG 2.0–2.2 A and AA rules on every
// screen of the walkthrough, at 1280 × 800, in English and in Dutch, in real Chromium against the
// real API and worker (built SPA served by apps/api, fresh PostgreSQL database with the demo users).
// Nothing is mocked; any violation fails the test with its rule, impact, elements and help.
//
// Set-up through the API: the admin requires approval with Max Manager as Approver (the worker
// installs the approval workflows), Remy Rep submits a quote (Pending approval: it has an approval
// page) and the admin gives Max a task. Spec files share the database: afterAll switches approval
// off again and completes this file's open tasks, as the other browser tests expect the account.
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { apiSessions, json, switchApprovalOff } from './api-sessions';
import { launchBrowser, type E2eBrowser } from './browser';
import { DEMO_PASSWORD, isoDateIn, openPage as openTab, pageProblems, visible } from './page-helpers';
import { WORKER_MS, type QuoteBody } from './walkthrough-state';

const baseUrl = inject('baseUrl');

/** The WCAG 2.0, 2.1 and 2.2 success criteria of levels A and AA. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const users = { admin: 'admin@example.com', manager: 'manager@example.com', rep: 'rep2@example.com' } as const;
type Who = keyof typeof users;
const api = apiSessions(baseUrl, users);

const suffix = Date.now().toString(36);
const made = { quoteId: '', quoteTitle: `Audit quote ${suffix}`, workflowId: '', taskId: '' };

let browser: E2eBrowser;

beforeAll(async () => {
  browser = await launchBrowser({ baseUrl });
  const admin = await api.as('admin');
  const rep = await api.as('rep');

  const all = await json<{ items: Array<{ id: string; email: string }> }>(await admin.get('/api/v1/users'), 200);
  const managerId = all.items.find((user) => user.email === users.manager)?.id ?? '';
  expect(managerId).not.toBe('');

  // Approval on all quotes, Max approves.
  const settings = await json<{ version: number }>(await admin.get('/api/v1/approvals/settings'), 200);
  const saved = await admin.put('/api/v1/approvals/settings', {
    data: { requireApproval: true, defaultApproverId: managerId, rules: [], ...(settings.version > 0 ? { version: settings.version } : {}) },
  });
  expect(saved.status()).toBe(200);

  // Remy's quote, submitted: Pending approval.
  const company = await json<{ id: string }>(await rep.post('/api/v1/crm/companies', { data: { name: `Audit BV ${suffix}`, domain: `audit-${suffix}.example` } }), 201);
  const contact = await json<{ id: string }>(
    await rep.post('/api/v1/crm/contacts', { data: { name: 'Anna Audit', email: `anna-${suffix}@audit.example`, companyId: company.id } }),
    201,
  );
  const deal = await json<{ id: string }>(
    await rep.post('/api/v1/crm/deals', { data: { name: `Audit deal ${suffix}`, amount: '5000.00', currency: 'EUR', stage: 'qualified_to_buy', companyId: company.id } }),
    201,
  );
  const quote = await json<{ id: string }>(
    await rep.post('/api/v1/quotes', {
      data: {
        title: made.quoteTitle,
        dealId: deal.id,
        recipientContactIds: [contact.id],
        expiresOn: isoDateIn(30),
        lineItems: [{ productName: 'Audit hours', quantity: 8, unitPrice: '120.00' }],
      },
    }),
    201,
  );
  made.quoteId = quote.id;
  const submitted = await json<QuoteBody>(await rep.post(`/api/v1/quotes/${quote.id}/submit`, { data: { version: 1 } }), 200);
  expect(submitted.status).toBe('pending_approval');

  // A task in Max's list (the approval workflow's own task comes when the worker has installed it).
  const task = await json<{ id: string }>(
    await admin.post('/api/v1/tasks', { data: { title: `Check the audit quote ${suffix}`, assigneeId: managerId, relatedType: 'quote', relatedId: quote.id, dueOn: isoDateIn(7) } }),
    201,
  );
  made.taskId = task.id;

  // A workflow to open: the worker installs the approval workflows.
  made.workflowId = await vi.waitFor(
    async () => {
      const workflows = await json<{ items: Array<{ id: string }> }>(await admin.get('/api/v1/workflows'), 200);
      const first = workflows.items[0];
      if (!first) throw new Error('no workflow yet');
      return first.id;
    },
    { timeout: WORKER_MS, interval: 250 },
  );
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
  ready?: (page: Page) => Promise<unknown>;
}

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
    name: 'approval page of a pending quote',
    who: 'manager',
    path: () => `/quotes/${made.quoteId}/approval`,
    heading: () => made.quoteTitle,
    ready: (page) => visible(page.locator('[data-testid="approval-round"]'), WORKER_MS),
  },
  {
    name: 'workflows list',
    who: 'admin',
    path: () => '/workflows',
    heading: () => 'Workflows',
    ready: (page) => visible(page.locator(`tr[data-workflow-id="${made.workflowId}"]`)),
  },
  {
    name: 'workflow',
    who: 'admin',
    path: () => `/workflows/${made.workflowId}`,
    // (A built-in workflow's name is worded in the reader's language.)
    ready: (page) => visible(page.locator('form.workflow-form')),
  },
  {
    name: 'approval policy (Settings → Products & Quotes → Approvals)',
    who: 'admin',
    path: () => '/settings/approvals',
    heading: (locale) => ({ en: 'Approvals', nl: 'Goedkeuring' })[locale],
    ready: (page) => visible(page.getByRole('switch')),
  },
  {
    name: 'settings with users',
    who: 'admin',
    path: () => '/settings',
    heading: (locale) => ({ en: 'Settings', nl: 'Instellingen' })[locale],
    ready: (page) => visible(page.getByRole('main').getByText(users.manager, { exact: true }).first()),
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

describe.each<Locale>(['en', 'nl'])('axe-core, WCAG 2.0–2.2 A and AA, at 1280 × 800, in %s', (locale) => {
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
    await visible(page.getByRole('heading', heading === undefined ? { level: 1 } : { level: 1, name: heading, exact: true }), WORKER_MS);
    await screen.ready?.(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
    expect(page.viewportSize()).toEqual({ width: 1280, height: 800 });

    expect(await axeViolations(page)).toEqual([]);
    expect(pageProblems(page)).toEqual([]);
    await page.close();
  });
});
