// Deciding from the approval e-mail (issue 15, item 4) in real Chromium against the real API and
// worker, with a real SMTP server (started by global-setup.ts; it writes each message it receives
// to a folder this file reads). Nothing is mocked. Remy Rep submits a quote that needs approval
// from Max Manager; the worker mails Max; Max opens the Approve link (logged out: the login page
// first, then back to the link), confirms, and the quote is approved and published. Opening the
// link again says it was already used and changes nothing; Ada Admin opening Max's link of another
// quote is told it is not hers and decides nothing.
//
// Spec files share the database: afterAll switches approval off again (the other browser tests
// expect quotes to go live at once) and completes the tasks this file's quotes made.
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readCapturedMails, waitUntil, type CapturedMail } from '@qa/shared-testing';
import { apiSessions, json, switchApprovalOff } from './api-sessions';
import { launchBrowser, type E2eBrowser } from './browser';
import { WORKER_MS } from './walkthrough-state';
import { enterCredentials, isoDateIn, logIn, openPage, pageProblems, visible } from './page-helpers';

const baseUrl = inject('baseUrl');
const mailDir = inject('mailDir');

const users = { admin: 'admin@example.com', manager: 'manager@example.com', rep: 'rep2@example.com' } as const;
const api = apiSessions(baseUrl, users);

const suffix = Date.now().toString(36);
type Quote = { id: string; number: string; status: string };
const made = { first: undefined as Quote | undefined, second: undefined as Quote | undefined };

let maxBrowser: E2eBrowser;
let adaBrowser: E2eBrowser;

type RoundBody = { current: { status: string; decisions: Array<{ approverId: string; decision: string }> } };
const quoteOf = async (id: string) => json<Quote>(await (await api.as('rep')).get(`/api/v1/quotes/${id}`), 200);
const roundOf = async (id: string) => (await json<RoundBody>(await (await api.as('admin')).get(`/api/v1/approvals/quotes/${id}`), 200)).current;

/** A quote of Remy's on a deal of its own, submitted: Pending approval (approval is required on all quotes). */
async function submittedQuote(title: string): Promise<Quote> {
  const rep = await api.as('rep');
  const company = await json<{ id: string }>(await rep.post('/api/v1/crm/companies', { data: { name: `Umbrella BV ${suffix}` } }), 201);
  const contact = await json<{ id: string }>(await rep.post('/api/v1/crm/contacts', { data: { name: 'Uma Umbrella', email: `uma-${suffix}@umbrella.example`, companyId: company.id } }), 201);
  const deal = await json<{ id: string }>(await rep.post('/api/v1/crm/deals', { data: { name: `${title} deal`, amount: '9000.00', currency: 'EUR', stage: 'contract_sent', companyId: company.id } }), 201);
  const created = await json<{ id: string }>(
    await rep.post('/api/v1/quotes', {
      data: { title, dealId: deal.id, recipientContactIds: [contact.id], expiresOn: isoDateIn(30), lineItems: [{ productName: 'Security audit', quantity: 3, unitPrice: '2500.00' }] },
    }),
    201,
  );
  const submitted = await json<Quote>(await rep.post(`/api/v1/quotes/${created.id}/submit`, { data: { version: 1 } }), 200);
  expect(submitted.status).toBe('pending_approval');
  return { id: created.id, number: submitted.number, status: submitted.status };
}

/** The approval e-mail to `to` about quote `number`, once the worker has sent it. */
async function approvalMail(to: string, number: string): Promise<CapturedMail> {
  return waitUntil(async () => (await readCapturedMails(mailDir)).find((mail) => mail.to.includes(to) && mail.subject === `Approval needed: ${number} ${mailTitle(number)}`), {
    timeoutMs: WORKER_MS,
    describe: async () => (await readCapturedMails(mailDir)).map((mail) => `${mail.to.join(',')}: ${mail.subject}`).join('\n'),
  });
}
const mailTitle = (number: string) => (number === made.first?.number ? `Email approval ${suffix}` : `Email approval, not yours ${suffix}`);

/** The URL of the button labelled `label` in the e-mail's HTML (a real link with that text). */
function buttonLink(mail: CapturedMail, label: 'Approve' | 'Request changes'): string {
  const match = new RegExp(`<a href="([^"]+)"[^>]*>${label}</a>`).exec(mail.html);
  expect(match, `${label} button in the e-mail`).not.toBeNull();
  const href = match![1]!.replace(/&amp;/g, '&');
  // The plain-text part carries the same link.
  expect(mail.text).toContain(`${label}: ${href}`);
  return href;
}

/** axe-core's WCAG 2.0–2.2 A and AA violations on the page (as accessibility.e2e.spec.ts checks every screen). */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id} at ${node.target.join(' ')}: ${violation.help}`));
}

beforeAll(async () => {
  maxBrowser = await launchBrowser({ baseUrl });
  adaBrowser = await launchBrowser({ baseUrl });
  const admin = await api.as('admin');
  const all = await json<{ items: Array<{ id: string; email: string }> }>(await admin.get('/api/v1/users'), 200);
  const maxId = all.items.find((user) => user.email === users.manager)?.id;
  const current = await json<{ version: number }>(await admin.get('/api/v1/approvals/settings'), 200);
  const saved = await admin.put('/api/v1/approvals/settings', { data: { requireApproval: true, defaultApproverId: maxId, rules: [], ...(current.version > 0 ? { version: current.version } : {}) } });
  expect(saved.status()).toBe(200);
});

afterAll(async () => {
  try {
    const admin = await api.as('admin');
    await switchApprovalOff(admin);
    for (const quote of [made.first, made.second]) {
      if (!quote) continue;
      const open = await admin.get(`/api/v1/tasks?assignee=anyone&status=open&relatedType=quote&relatedId=${quote.id}`);
      for (const task of ((await open.json()) as { items: Array<{ id: string }> }).items) await admin.post(`/api/v1/tasks/${task.id}/complete`);
    }
  } finally {
    await api.dispose();
    await maxBrowser?.close();
    await adaBrowser?.close();
  }
});

describe('deciding from the approval e-mail', () => {
  let maxPage: Page;

  it('mails Max; his Approve link asks him to log in, then to confirm, and approves the quote', async () => {
    made.first = await submittedQuote(`Email approval ${suffix}`);
    const mail = await approvalMail(users.manager, made.first.number);
    expect(mail.text).toContain('Remy Rep’s quote needs your approval.');
    expect(mail.text).toContain('Why it needs approval:\n- Approval is required on all quotes');
    expect(mail.html).toContain('<html lang="en">');
    const approve = buttonLink(mail, 'Approve');
    expect(approve.startsWith(`${baseUrl}/approvals/confirm?token=`)).toBe(true);

    maxPage = await openPage(maxBrowser);
    await maxPage.goto(approve);
    // Not signed in: the login page, then back to the link.
    await maxPage.waitForURL((url) => url.pathname === '/login');
    await enterCredentials(maxPage, users.manager);
    await maxPage.waitForURL((url) => url.pathname === '/approvals/confirm' && url.search.includes('token='));
    await visible(maxPage.getByRole('heading', { level: 1, name: `Approve quote ${made.first.number}?` }));
    const summary = maxPage.getByTestId('approval-link-summary');
    await expect.poll(() => summary.textContent()).toContain(`Email approval ${suffix}`);
    expect(await summary.textContent()).toContain('€7,500.00');
    expect(await maxPage.getByTestId('approval-link-rules').textContent()).toContain('approval is required on all quotes');
    expect(await axeViolations(maxPage)).toEqual([]);
    // Opening the link decided nothing.
    expect((await quoteOf(made.first.id)).status).toBe('pending_approval');
    expect((await roundOf(made.first.id)).decisions).toEqual([]);

    await maxPage.getByRole('button', { name: 'Approve and publish' }).click();
    await expect
      .poll(() => maxPage.getByRole('status').filter({ hasText: 'You approved' }).textContent(), { timeout: 15_000 })
      .toBe(`You approved quote ${made.first.number}. It is approved and will be published.`);
    await waitUntil(async () => ['approved', 'published'].includes((await quoteOf(made.first!.id)).status), { timeoutMs: WORKER_MS });
    expect((await roundOf(made.first.id)).decisions.map((d) => d.decision)).toEqual(['approve']);
    expect(pageProblems(maxPage)).toEqual([]);
  });

  it('says the link was already used when Max opens it again, and changes nothing', async () => {
    expect(made.first, 'the first test made the quote').toBeDefined();
    const quote = made.first!;
    const mail = await approvalMail(users.manager, quote.number);
    for (const label of ['Approve', 'Request changes'] as const) {
      await maxPage.goto(buttonLink(mail, label));
      await expect.poll(() => maxPage.getByTestId('approval-link-problem').textContent(), { timeout: 15_000 }).toContain('This link was already used');
      expect(await maxPage.getByRole('button', { name: /Approve and publish|Request changes/ }).count()).toBe(0);
    }
    expect(await axeViolations(maxPage)).toEqual([]);
    expect((await roundOf(quote.id)).decisions).toHaveLength(1);
    expect(pageProblems(maxPage)).toEqual([]);
  });

  it('decides nothing when another user (Ada Admin) opens Max’s link', async () => {
    made.second = await submittedQuote(`Email approval, not yours ${suffix}`);
    const mail = await approvalMail(users.manager, made.second.number);
    const adaPage = await openPage(adaBrowser);
    await logIn(adaPage, baseUrl, users.admin);
    await adaPage.goto(buttonLink(mail, 'Approve'));
    await expect.poll(() => adaPage.getByTestId('approval-link-problem').textContent(), { timeout: 15_000 }).toContain('This link is for another approver');
    expect(await adaPage.getByRole('button', { name: 'Approve and publish' }).count()).toBe(0);
    // Nor through the API with her session.
    const token = new URL(buttonLink(mail, 'Approve')).searchParams.get('token')!;
    const refused = await (await api.as('admin')).post(`/api/v1/approvals/links/${token}/decision`, { data: {} });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { code: string }).code).toBe('APPROVALS.LINK_NOT_YOURS');
    expect(await roundOf(made.second.id)).toMatchObject({ status: 'pending', decisions: [] });
    expect((await quoteOf(made.second.id)).status).toBe('pending_approval');
    expect(pageProblems(adaPage)).toEqual([]);
  });
});
