// Approval routing (issue 14, "done when" 1) in real Chromium against the real API and worker (built
// SPA served by apps/api, fresh PostgreSQL database with the demo users). Nothing is mocked. The
// admin builds a three-rule policy in the policy editor (Settings → Products & Quotes → Approvals);
// Remy Rep's quotes then take the route each rule gives them:
//   (a) "Manager for 10–20 %": discount between 10 and 20 → the owner's manager (Max);
//   (b) "Manager then director above 20 %": discount above 20 → Max, then the manager 2 levels up
//       (Ada); Ada requests changes at step 2, Remy resubmits, round 2 starts from step 1 again;
//   (c) "Finance and legal for long terms": payment terms above 30 days → one step with two
//       approver groups deciding at the same time, team Finance and team Legal.
// Screenshots: docs/screenshots/routes-1-policy.png (the editor with the three rules) and
// routes-2-step-2.png (the approval page's timeline at step 2).
//
// Who approves: the API has no endpoint that creates users (`POST /api/v1/users` does not exist:
// users come from the seed or `npm run users:create-admin`), so this file uses the demo users and
// only changes teams (`PATCH /api/v1/users/:id`): Max Manager joins team "Finance" and Ada Admin
// team "Legal" while this file runs. The "reports to" chain stays Remy → Max → Ada, so the owner's
// manager is Max and 2 levels up is Ada. No other spec reads teams or lists users; afterAll puts
// the teams back as they were.
//
// Spec files share the database and Vitest picks their order: afterAll also switches approval off
// again (no rules; the other browser tests expect quotes to go live at once) and completes the open
// tasks this file's quotes made. The rep is Remy, so Rita Rep's lists in quotes.e2e.spec.ts stay
// as they expect.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { apiSessions, json, switchApprovalOff } from './api-sessions';
import { launchBrowser, type E2eBrowser } from './browser';
import { WORKER_MS, type QuoteBody } from './walkthrough-state';
import { choose, fillQuoteDetails, isoDateIn, logIn, nextStep, openPage as openTab, pageProblems, screenshotsOnFailure, shot, stepHeading, visible } from './page-helpers';

const baseUrl = inject('baseUrl');

const users = {
  admin: 'admin@example.com',
  manager: 'manager@example.com',
  rep: 'rep2@example.com',
} as const;
const api = apiSessions(baseUrl, users);
const apiAs = (who: keyof typeof users) => api.as(who);

type User = { id: string; email: string; name: string; team: string | null; reportsTo: string | null };
/** The demo users by e-mail, and their teams before this file changed them. */
const org = { ids: {} as Record<keyof typeof users, string>, teamsBefore: new Map<string, string | null>() };

const suffix = Date.now().toString(36);
const crm = {
  company: `Initech BV ${suffix}`,
  contact: 'Ivo Initech',
  contactEmail: `ivo-${suffix}@initech.example`,
  deal: `Initech rollout ${suffix}`,
  dealId: '',
  contactId: '',
};
/** This file's quotes (their open tasks are completed at the end). */
const quotes = { a: '', b: '', c: '' };
const titles = { a: `Routes 15% ${suffix}`, b: `Routes 25% ${suffix}`, c: `Routes 45 days ${suffix}` };

/** The admin (policy editor, Ada's decisions), Max's and Remy's browsers: each keeps one session. */
let adminBrowser: E2eBrowser;
let managerBrowser: E2eBrowser;
let repBrowser: E2eBrowser;

const RULE_A = 'Manager for 10–20 %';
const RULE_B = 'Manager then director above 20 %';
const RULE_C = 'Finance and legal for long terms';

beforeAll(async () => {
  adminBrowser = await launchBrowser({ baseUrl });
  managerBrowser = await launchBrowser({ baseUrl });
  repBrowser = await launchBrowser({ baseUrl });

  const admin = await apiAs('admin');
  const all = await json<{ items: User[] }>(await admin.get('/api/v1/users'), 200);
  for (const [who, email] of Object.entries(users) as Array<[keyof typeof users, string]>) {
    const user = all.items.find((candidate) => candidate.email === email);
    expect(user, `demo user ${email}`).toBeDefined();
    org.ids[who] = user?.id ?? '';
  }
  // The chain the rules rely on: Remy reports to Max, Max to Ada.
  expect(all.items.find((user) => user.id === org.ids.rep)?.reportsTo).toBe(org.ids.manager);
  expect(all.items.find((user) => user.id === org.ids.manager)?.reportsTo).toBe(org.ids.admin);

  for (const [who, team] of [
    ['manager', 'Finance'],
    ['admin', 'Legal'],
  ] as const) {
    const id = org.ids[who];
    org.teamsBefore.set(id, all.items.find((user) => user.id === id)?.team ?? null);
    const changed = await json<User>(await admin.patch(`/api/v1/users/${id}`, { data: { team } }), 200);
    expect(changed.team).toBe(team);
  }
});

afterAll(async () => {
  try {
    const admin = await apiAs('admin');
    await switchApprovalOff(admin);
    for (const [id, team] of org.teamsBefore) expect((await admin.patch(`/api/v1/users/${id}`, { data: { team } })).status()).toBe(200);
    for (const quoteId of Object.values(quotes).filter(Boolean)) {
      const open = await admin.get(`/api/v1/tasks?assignee=anyone&status=open&relatedType=quote&relatedId=${quoteId}`);
      for (const task of ((await open.json()) as { items: Array<{ id: string }> }).items) await admin.post(`/api/v1/tasks/${task.id}/complete`);
    }
  } finally {
    await api.dispose();
    await adminBrowser?.close();
    await managerBrowser?.close();
    await repBrowser?.close();
  }
});

/** A fresh tab in `on`, logged in as `email` (it closes that browser's other tabs). */
async function openAs(on: E2eBrowser, email: string): Promise<Page> {
  const page = await openTab(on, { screenshotOnFailure: false });
  await logIn(page, baseUrl, email);
  return page;
}

const quoteOf = async (id: string) => json<QuoteBody>(await (await apiAs('rep')).get(`/api/v1/quotes/${id}`), 200);

// --- The policy editor ----------------------------------------------------------------------------

/** Adds a rule at the end, names it and switches "First match only" off (new rules have it on). */
async function addRule(page: Page, number: number, name: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Add rule', exact: true }).click();
  await (await visible(page.getByRole('group', { name: `Rule ${number}`, exact: true }))).getByLabel('Name', { exact: true }).fill(name);
  const rule = await visible(page.getByRole('group', { name: `Rule ${number}: ${name}`, exact: true }));
  const firstMatchOnly = rule.getByRole('checkbox', { name: 'First match only' });
  expect(await firstMatchOnly.isChecked()).toBe(true);
  await firstMatchOnly.uncheck();
  expect(await firstMatchOnly.isChecked()).toBe(false);
  return rule;
}

/** Fills the rule's first condition (a new rule starts with one condition group of one condition). */
async function setCondition(page: Page, rule: Locator, condition: { field: string; operator: string; value?: string; from?: string; to?: string }): Promise<void> {
  const group = rule.getByRole('group', { name: 'Condition group 1', exact: true });
  const first = group.getByRole('group', { name: 'Condition 1', exact: true });
  await choose(page, first.getByRole('combobox', { name: 'Field', exact: true }), condition.field);
  await choose(page, first.getByRole('combobox', { name: 'Operator', exact: true }), condition.operator);
  if (condition.value !== undefined) await first.getByLabel('Value', { exact: true }).fill(condition.value);
  if (condition.from !== undefined) await first.getByLabel('From', { exact: true }).fill(condition.from);
  if (condition.to !== undefined) await first.getByLabel('To', { exact: true }).fill(condition.to);
}

/** An approver group's step and place: `step` and `group` count from 1. */
function approverGroup(rule: Locator, step: number, group: number): Locator {
  return rule.getByRole('group', { name: `Step ${step}`, exact: true }).getByRole('group', { name: `Approver group ${group}`, exact: true });
}

/** Makes the group's first approver the owner's manager (`levels` up) or a team; any one of them approves. */
async function setApprover(page: Page, group: Locator, approver: { levels: number } | { team: string }): Promise<void> {
  await visible(group);
  expect(await group.getByRole('radio', { name: 'Any one of them' }).isChecked()).toBe(true);
  const first = group.getByRole('group', { name: 'Approver 1', exact: true });
  if ('levels' in approver) {
    await choose(page, first.getByRole('combobox', { name: 'Who approves', exact: true }), 'The owner’s manager');
    await first.getByLabel('Levels up', { exact: true }).fill(String(approver.levels));
  } else {
    await choose(page, first.getByRole('combobox', { name: 'Who approves', exact: true }), 'A team');
    await first.getByLabel('Team', { exact: true }).fill(approver.team);
  }
}

// --- The approval page's route timeline -----------------------------------------------------------

type StepView = { title: string; state: string; current: boolean; groups: string[][]; named: string[] };

/** The route timeline of the "Why it needs approval" card as people see it: each step's title and
 *  state, whether it is the current one, each group's approvers ("Max Manager: To decide") and whom
 *  the rule names. */
function timeline(page: Page): Promise<StepView[]> {
  return page
    .getByRole('region', { name: 'Why it needs approval' })
    .getByTestId('route-steps')
    .locator(':scope > li')
    .evaluateAll((steps) =>
      steps.map((step) => {
        const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
        const groups = Array.from(step.querySelectorAll('.route-group'));
        return {
          title: text(step.querySelector('.step-title')),
          state: text(step.querySelector('.state-tag')),
          current: step.getAttribute('aria-current') === 'step',
          groups: groups.map((group) => Array.from(group.querySelectorAll('.route-approver')).map((approver) => `${text(approver.querySelector('.approver-name'))}: ${text(approver.querySelector('.approver-state'))}`)),
          named: groups.map((group) => text(group.querySelector('.group-named'))),
        };
      }),
    );
}

/** "Rule name: reasons" of each rule that put the quote on the route. */
async function routeRules(page: Page): Promise<string[]> {
  return (await page.getByRole('region', { name: 'Why it needs approval' }).getByTestId('route-rules').getByRole('listitem').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
}

async function nextText(page: Page): Promise<string> {
  return ((await page.getByTestId('route-next').textContent()) ?? '').trim();
}

/** Opens the quote's approval page (the worker opens the round a moment after the submit). */
async function openApproval(page: Page, quoteId: string, title: string): Promise<void> {
  await page.goto(`${baseUrl}/quotes/${quoteId}/approval`);
  await visible(page.getByRole('heading', { level: 1, name: title }), WORKER_MS);
}

const decision = (page: Page) => page.getByRole('group', { name: 'Decision' });
const approveButton = (page: Page) => decision(page).getByRole('button', { name: 'Approve and publish' });
const header = (page: Page) => page.locator('.approval-header');

async function approve(page: Page): Promise<void> {
  await expect.poll(() => approveButton(page).isEnabled(), { timeout: WORKER_MS }).toBe(true);
  await approveButton(page).click();
  // The decision's request and the page's refresh: seconds on a busy machine.
  await expect.poll(() => approveButton(page).isDisabled(), { timeout: WORKER_MS }).toBe(true);
}

/** The quote's "approver" property, which the approval workflows set to whoever decides now. */
async function approverProperty(quoteId: string): Promise<unknown> {
  const answer = await json<{ properties: Array<{ name: string; value: unknown }> }>(await (await apiAs('admin')).get(`/api/v1/records/quote/${quoteId}/properties`), 200);
  return answer.properties.find((property) => property.name === 'approver')?.value;
}

/** The live preview sentence of the set-up flow (Line items and Terms steps). */
async function draftRouteText(page: Page): Promise<string> {
  return ((await page.getByTestId('draft-route-text').textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function approvalSummaryText(page: Page): Promise<string> {
  return ((await page.getByTestId('approval-summary').textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Remy's company, contact and deal (browser tests have no demo CRM data of their own). */
async function ensureCrm(): Promise<void> {
  if (crm.dealId) return;
  const rep = await apiAs('rep');
  const company = await json<{ id: string }>(await rep.post('/api/v1/crm/companies', { data: { name: crm.company, domain: `initech-${suffix}.example` } }), 201);
  crm.contactId = (await json<{ id: string }>(await rep.post('/api/v1/crm/contacts', { data: { name: crm.contact, email: crm.contactEmail, companyId: company.id } }), 201)).id;
  crm.dealId = (await json<{ id: string }>(await rep.post('/api/v1/crm/deals', { data: { name: crm.deal, amount: '20000.00', currency: 'EUR', stage: 'qualified_to_buy', companyId: company.id } }), 201)).id;
}

/** A draft of Remy's through the API: one line of 10 × €200.00 with a percentage discount. */
async function draftQuote(title: string, discountPercent: string): Promise<string> {
  await ensureCrm();
  const created = await (await apiAs('rep')).post('/api/v1/quotes', {
    data: {
      title,
      dealId: crm.dealId,
      recipientContactIds: [crm.contactId],
      expiresOn: isoDateIn(30),
      lineItems: [{ productName: 'Consulting', quantity: 10, unitPrice: '200.00', discount: { type: 'percent', value: discountPercent } }],
    },
  });
  return (await json<{ id: string }>(created, 201)).id;
}

describe('approval routing: a three-rule policy built in the editor, and the routes quotes take', () => {
  it('the admin builds the three rules in the policy editor and saves them; the API has exactly that policy', async () => {
    const page = await openAs(adminBrowser, users.admin);
    screenshotsOnFailure({ admin: page });
    await page.goto(`${baseUrl}/settings/approvals`);
    await visible(page.getByRole('heading', { level: 1, name: 'Approvals' }));

    // Approval stays off for quotes no rule applies to; Max is the Approver (the fallback approver).
    const toggle = await visible(page.getByRole('switch', { name: 'Require approval on all quotes' }));
    expect(await toggle.isChecked()).toBe(false);
    await choose(page, page.getByRole('combobox', { name: 'Approver', exact: true }), 'Max Manager');
    await visible(page.getByText('No approval rules yet.'));

    // (a) Discount (%) is between 10 and 20 → the owner's manager.
    const a = await addRule(page, 1, RULE_A);
    await setCondition(page, a, { field: 'Discount (%)', operator: 'is between', from: '10', to: '20' });
    await setApprover(page, approverGroup(a, 1, 1), { levels: 1 });

    // (b) Discount (%) is more than 20 → the owner's manager, then the manager 2 levels up.
    const b = await addRule(page, 2, RULE_B);
    await setCondition(page, b, { field: 'Discount (%)', operator: 'is more than', value: '20' });
    await setApprover(page, approverGroup(b, 1, 1), { levels: 1 });
    await b.getByRole('button', { name: 'Add step', exact: true }).click();
    await setApprover(page, approverGroup(b, 2, 1), { levels: 2 });

    // (c) Payment terms (days) is more than 30 → one step, team Finance and team Legal at the same time.
    const c = await addRule(page, 3, RULE_C);
    await setCondition(page, c, { field: 'Payment terms (days)', operator: 'is more than', value: '30' });
    await setApprover(page, approverGroup(c, 1, 1), { team: 'Finance' });
    await c.getByRole('group', { name: 'Step 1', exact: true }).getByRole('button', { name: 'Add approver group', exact: true }).click();
    await setApprover(page, approverGroup(c, 1, 2), { team: 'Legal' });

    await page.getByRole('button', { name: 'Set approver and create workflows' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Settings saved.' }));
    expect(await page.getByRole('region', { name: 'Check these fields' }).count()).toBe(0);
    // Rules switch the approval workflows on (approval tasks, properties), even with approval off for all quotes.
    const workflows = page.getByRole('region', { name: 'Approval workflows' });
    await visible(workflows.getByText('Approval is on.', { exact: false }));
    await expect
      .poll(async () => (await workflows.getByRole('listitem').allInnerTexts()).filter((text) => /Active/.test(text)).length, { timeout: WORKER_MS })
      .toBe(9);
    // (From the top: a full-page shot scrolled down draws the sticky header and menu mid-page.)
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'routes-1-policy.png');

    // What was saved is what was built.
    const saved = await json<{ requireApproval: boolean; defaultApproverId: string | null; rules: unknown[] }>(await (await apiAs('admin')).get('/api/v1/approvals/settings'), 200);
    expect(saved.requireApproval).toBe(false);
    expect(saved.defaultApproverId).toBe(org.ids.manager);
    const manager = (levels: number) => ({ groups: [{ mode: 'any', approvers: [{ kind: 'manager', levels }] }] });
    expect(saved.rules).toEqual([
      {
        id: expect.any(String),
        name: RULE_A,
        when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'between', value: [10, 20] }] }],
        route: [manager(1)],
        firstMatchOnly: false,
        watchedFields: [],
      },
      {
        id: expect.any(String),
        name: RULE_B,
        when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 20 }] }],
        route: [manager(1), manager(2)],
        firstMatchOnly: false,
        watchedFields: [],
      },
      {
        id: expect.any(String),
        name: RULE_C,
        when: [{ conditions: [{ field: 'paymentTermsDays', operator: 'gt', value: 30 }] }],
        route: [
          {
            groups: [
              { mode: 'any', approvers: [{ kind: 'team', team: 'Finance' }] },
              { mode: 'any', approvers: [{ kind: 'team', team: 'Legal' }] },
            ],
          },
        ],
        firstMatchOnly: false,
        watchedFields: [],
      },
    ]);

    // A reload shows the saved rules in the editor.
    await page.reload();
    const reloaded = await visible(page.getByRole('group', { name: `Rule 3: ${RULE_C}`, exact: true }));
    expect(await approverGroup(reloaded, 1, 2).getByLabel('Team', { exact: true }).inputValue()).toBe('Legal');
    expect(await page.getByRole('group', { name: `Rule 2: ${RULE_B}`, exact: true }).getByRole('group', { name: 'Step 2', exact: true }).getByLabel('Levels up').inputValue()).toBe('2');
    expect(pageProblems(page)).toEqual([]);
    await page.close();
  });

  it('(a) a 15 % discount needs the owner’s manager only: Max approves on the approval page and the quote is published', async () => {
    quotes.a = await draftQuote(titles.a, '15');
    const rep = await openAs(repBrowser, users.rep);
    const max = await openAs(managerBrowser, users.manager);
    screenshotsOnFailure({ rep, max });

    // Remy submits the draft from the set-up flow's Review step, which says who must approve.
    await rep.goto(`${baseUrl}/quotes/${quotes.a}/edit?step=review`);
    await stepHeading(rep, /Step 4 of 4: Review/);
    await expect.poll(() => approvalSummaryText(rep)).toBe('Needs approval from Max Manager, because discount 15% between 10%–20%');
    await rep.getByRole('button', { name: 'Submit', exact: true }).click();
    await rep.waitForURL((url) => url.pathname === `/quotes/${quotes.a}`);
    await visible(rep.locator('.detail-header').getByText('Pending approval', { exact: true }));

    await openApproval(max, quotes.a, titles.a);
    await visible(max.getByText('Round 1 · Waiting for a decision'));
    expect(await routeRules(max)).toEqual([`${RULE_A}: discount 15% between 10%–20%`]);
    expect(await timeline(max)).toEqual([{ title: 'Step 1 of 1', state: 'Deciding now', current: true, groups: [['Max Manager: To decide']], named: ['The rule names: the owner’s manager'] }]);
    expect(await nextText(max)).toBe('Next: Max Manager');

    await approve(max);
    await visible(header(max).getByText('Published', { exact: true }), WORKER_MS);
    await visible(max.getByRole('status').filter({ hasText: 'Approved and published. Remy Rep can now share it with contacts.' }));
    expect((await timeline(max))[0]).toMatchObject({ state: 'Approved', groups: [['Max Manager: Approved']] });
    await expect.poll(async () => (await quoteOf(quotes.a)).status, { timeout: WORKER_MS }).toBe('published');
    expect(pageProblems(rep)).toEqual([]);
    expect(pageProblems(max)).toEqual([]);
    await rep.close();
    await max.close();
  });

  /** Quote (b)'s pages, kept across its two tests. */
  const b: { rep?: Page; max?: Page; ada?: Page } = {};

  it('(b) a 25 % discount goes to Max, then Ada: the set-up flow previews it; Max approves step 1, Ada requests changes at step 2', async () => {
    await ensureCrm();
    const rep = await openAs(repBrowser, users.rep);
    b.rep = rep;
    screenshotsOnFailure({ rep });

    // Remy builds the quote in the set-up flow; the Line items step says who must approve, live.
    await rep.getByRole('link', { name: 'New quote' }).click();
    await stepHeading(rep, /Step 1 of 4: Details/);
    await fillQuoteDetails(rep, { title: titles.b, dealSearch: suffix, ...crm, validUntil: isoDateIn(30) });
    await rep.getByRole('button', { name: 'Next' }).click();
    await rep.waitForURL((url) => /^\/quotes\/[0-9a-f-]{36}\/edit$/.test(url.pathname));
    await stepHeading(rep, /Step 2 of 4: Line items/);
    quotes.b = new URL(rep.url()).pathname.split('/')[2] ?? '';
    await rep.getByRole('button', { name: 'Add line item' }).click();
    const line = rep.getByRole('group', { name: 'Line 1' });
    await line.getByLabel('Product name').fill('Implementation');
    await line.getByLabel('Quantity').fill('4');
    await line.getByLabel(/Unit price/).fill('1000.00');
    await choose(rep, line.getByRole('combobox', { name: 'Discount type' }), 'Percent (%)');
    await line.getByLabel(/Discount value/).fill('25');
    await expect.poll(() => line.locator('[data-line-total="0"]').textContent()).toBe('€3,000.00');
    await expect.poll(() => draftRouteText(rep), { timeout: WORKER_MS }).toBe('Needs approval from Max Manager, then Ada Admin, because discount 25% > 20%');
    const preview = rep.getByTestId('draft-route');
    await preview.getByRole('button', { name: 'Show the approval route' }).click();
    await expect
      .poll(async () => (await preview.getByTestId('draft-route-timeline').getByTestId('route-steps').locator(':scope > li .step-title').allTextContents()).map((text) => text.trim()))
      .toEqual(['Step 1 of 2', 'Step 2 of 2']);
    await nextStep(rep, /Step 3 of 4: Terms/);
    await expect.poll(() => draftRouteText(rep)).toBe('Needs approval from Max Manager, then Ada Admin, because discount 25% > 20%');
    await nextStep(rep, /Step 4 of 4: Review/);
    await expect.poll(() => approvalSummaryText(rep)).toBe('Needs approval from Max Manager, then Ada Admin, because discount 25% > 20%');
    await rep.getByRole('button', { name: 'Submit', exact: true }).click();
    await rep.waitForURL((url) => url.pathname === `/quotes/${quotes.b}`);
    await visible(rep.locator('.detail-header').getByText('Pending approval', { exact: true }));

    // Max's approval page: step 1 of 2 is his, step 2 (Ada) waits.
    const max = await openAs(managerBrowser, users.manager);
    b.max = max;
    screenshotsOnFailure({ rep, max });
    await openApproval(max, quotes.b, titles.b);
    await visible(max.getByText('Round 1 · Waiting for a decision'));
    expect(await routeRules(max)).toEqual([`${RULE_B}: discount 25% > 20%`]);
    expect(await timeline(max)).toEqual([
      { title: 'Step 1 of 2', state: 'Deciding now', current: true, groups: [['Max Manager: To decide']], named: ['The rule names: the owner’s manager'] },
      { title: 'Step 2 of 2', state: 'Waiting', current: false, groups: [['Ada Admin: Waiting']], named: ['The rule names: the manager 2 levels up'] },
    ]);
    expect(await nextText(max)).toBe('Next: Max Manager');

    // Ada may look, but her turn comes at step 2.
    const ada = await openAs(adminBrowser, users.admin);
    b.ada = ada;
    screenshotsOnFailure({ rep, max, ada });
    await openApproval(ada, quotes.b, titles.b);
    await visible(ada.getByText('Your turn comes in a later step of the route: the current step decides first.'));
    expect(await approveButton(ada).isDisabled()).toBe(true);

    // Max approves step 1: the quote still waits, now for Ada at step 2 (her page follows live).
    await approve(max);
    await expect.poll(async () => (await timeline(max)).map((step) => step.state), { timeout: WORKER_MS }).toEqual(['Approved', 'Deciding now']);
    await visible(max.getByText('You already decided in this round.'));
    await visible(max.locator('.approval-status').getByText('You approved step 1 of 2. Next: Ada Admin.', { exact: true }));
    expect((await quoteOf(quotes.b)).status).toBe('pending_approval');
    await expect.poll(() => approveButton(ada).isEnabled(), { timeout: WORKER_MS }).toBe(true);
    expect(await timeline(ada)).toEqual([
      { title: 'Step 1 of 2', state: 'Approved', current: false, groups: [['Max Manager: Approved']], named: ['The rule names: the owner’s manager'] },
      { title: 'Step 2 of 2', state: 'Deciding now', current: true, groups: [['Ada Admin: To decide']], named: ['The rule names: the manager 2 levels up'] },
    ]);
    expect(await nextText(ada)).toBe('Next: Ada Admin');
    await visible(ada.getByText('Round 1 · Waiting for a decision'));
    // The "When an approval step starts" workflow makes Ada the quote's approver (a property).
    await expect.poll(() => approverProperty(quotes.b), { timeout: WORKER_MS }).toBe(org.ids.admin);
    await shot(ada, 'routes-2-step-2.png');

    // Ada requests changes at step 2, with notes.
    await decision(ada).getByRole('button', { name: 'Request changes' }).click();
    const dialog = await visible(ada.getByRole('dialog', { name: 'Request changes' }));
    await dialog.getByLabel('Notes').fill('Above 20 % needs a director’s reason: keep it at 22 % at most');
    await dialog.getByRole('button', { name: 'Request changes' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(header(ada).getByText('Changes requested', { exact: true }), WORKER_MS);
    expect(await timeline(ada)).toMatchObject([
      { state: 'Approved', groups: [['Max Manager: Approved']] },
      { state: 'Changes requested', groups: [['Ada Admin: Requested changes']] },
    ]);
    await visible(ada.getByRole('region', { name: 'Why it needs approval' }).getByText('Above 20 % needs a director’s reason: keep it at 22 % at most'));
    await visible(ada.getByRole('region', { name: 'Decisions' }).getByText('Ada Admin requested changes'));
    expect((await quoteOf(quotes.b)).status).toBe('changes_requested');
    expect(pageProblems(rep)).toEqual([]);
    expect(pageProblems(max)).toEqual([]);
    expect(pageProblems(ada)).toEqual([]);
  });

  it('(b) Remy lowers the discount to 22 % and resubmits: round 2 has a fresh route; Max and then Ada approve and the quote is published', async () => {
    expect(quotes.b && b.rep && b.max && b.ada, 'the previous test did not get quote (b) to Changes requested').toBeTruthy();
    const { rep, max, ada } = b as Required<typeof b>;
    screenshotsOnFailure({ rep, max, ada });

    await rep.goto(`${baseUrl}/quotes/${quotes.b}/edit?step=lineItems`);
    await stepHeading(rep, /Step 2 of 4: Line items/);
    const line = rep.getByRole('group', { name: 'Line 1' });
    await line.getByLabel(/Discount value/).fill('22');
    await expect.poll(() => line.locator('[data-line-total="0"]').textContent()).toBe('€3,120.00');
    await expect.poll(() => draftRouteText(rep), { timeout: WORKER_MS }).toBe('Needs approval from Max Manager, then Ada Admin, because discount 22% > 20%');
    await nextStep(rep, /Step 3 of 4: Terms/);
    await nextStep(rep, /Step 4 of 4: Review/);
    await rep.getByRole('button', { name: 'Submit', exact: true }).click();
    await rep.waitForURL((url) => url.pathname === `/quotes/${quotes.b}`);
    await visible(rep.locator('.detail-header').getByText('Pending approval', { exact: true }));

    // Round 2 starts from step 1 again: nothing of round 1's decisions on its route.
    await visible(max.getByText('Round 2 · Waiting for a decision'), WORKER_MS);
    expect(await routeRules(max)).toEqual([`${RULE_B}: discount 22% > 20%`]);
    const fresh = [
      { title: 'Step 1 of 2', state: 'Deciding now', current: true, groups: [['Max Manager: To decide']], named: ['The rule names: the owner’s manager'] },
      { title: 'Step 2 of 2', state: 'Waiting', current: false, groups: [['Ada Admin: Waiting']], named: ['The rule names: the manager 2 levels up'] },
    ];
    expect(await timeline(max)).toEqual(fresh);
    expect(await max.getByRole('region', { name: 'Why it needs approval' }).getByText('keep it at 22 % at most').count()).toBe(0);
    await visible(max.getByRole('region', { name: 'What changed since round 1' }).getByText('Implementation'));

    await approve(max);
    await expect.poll(() => approveButton(ada).isEnabled(), { timeout: WORKER_MS }).toBe(true);
    await visible(ada.getByText('Round 2 · Waiting for a decision'));
    expect((await timeline(ada)).map(({ state, groups }) => ({ state, groups }))).toEqual([
      { state: 'Approved', groups: [['Max Manager: Approved']] },
      { state: 'Deciding now', groups: [['Ada Admin: To decide']] },
    ]);
    expect((await quoteOf(quotes.b)).status).toBe('pending_approval');

    await approve(ada);
    await visible(header(ada).getByText('Published', { exact: true }), WORKER_MS);
    await visible(ada.getByRole('status').filter({ hasText: 'Approved and published. Remy Rep can now share it with contacts.' }));
    expect((await timeline(ada)).map((step) => step.state)).toEqual(['Approved', 'Approved']);
    await visible(ada.getByText('Round 2 · Approved'));
    await expect.poll(async () => (await quoteOf(quotes.b)).status, { timeout: WORKER_MS }).toBe('published');
    await visible(rep.locator('.detail-header').getByText('Published', { exact: true }), WORKER_MS);
    expect(pageProblems(rep)).toEqual([]);
    expect(pageProblems(max)).toEqual([]);
    expect(pageProblems(ada)).toEqual([]);
    for (const page of [rep, max, ada]) await page.close();
  });

  it('(c) 45 days’ payment terms need team Finance and team Legal in one step: after Finance approves the step still waits for Legal', async () => {
    // A 5 % discount: rules (a) and (b) do not apply, only (c) once the terms are 45 days.
    quotes.c = await draftQuote(titles.c, '5');
    const rep = await openAs(repBrowser, users.rep);
    screenshotsOnFailure({ rep });

    // Remy sets the payment terms on the Terms step; its live preview names both teams' approvers.
    await rep.goto(`${baseUrl}/quotes/${quotes.c}/edit?step=terms`);
    await stepHeading(rep, /Step 3 of 4: Terms/);
    await expect.poll(() => draftRouteText(rep), { timeout: WORKER_MS }).toBe('No approval needed');
    await rep.getByLabel('Payment terms (days)').fill('45');
    await expect.poll(() => draftRouteText(rep), { timeout: WORKER_MS }).toBe('Needs approval from Max Manager and Ada Admin, because payment terms 45 days > 30 days');
    await nextStep(rep, /Step 4 of 4: Review/);
    await expect.poll(() => approvalSummaryText(rep)).toBe('Needs approval from Max Manager and Ada Admin, because payment terms 45 days > 30 days');
    await rep.getByRole('button', { name: 'Submit', exact: true }).click();
    await rep.waitForURL((url) => url.pathname === `/quotes/${quotes.c}`);
    await visible(rep.locator('.detail-header').getByText('Pending approval', { exact: true }));

    // One step, two groups deciding at the same time.
    const max = await openAs(managerBrowser, users.manager);
    const ada = await openAs(adminBrowser, users.admin);
    screenshotsOnFailure({ rep, max, ada });
    await openApproval(max, quotes.c, titles.c);
    expect(await routeRules(max)).toEqual([`${RULE_C}: payment terms 45 days > 30 days`]);
    expect(await timeline(max)).toEqual([
      {
        title: 'Step 1 of 1',
        state: 'Deciding now',
        current: true,
        groups: [['Max Manager: To decide'], ['Ada Admin: To decide']],
        named: ['The rule names: team Finance', 'The rule names: team Legal'],
      },
    ]);
    await visible(max.getByText('These groups decide at the same time; the step is done when each of them has approved.'));
    expect(await nextText(max)).toBe('Next: Max Manager and Ada Admin');

    // Finance (Max) approves: the step is still deciding, waiting for Legal (Ada).
    await approve(max);
    await expect.poll(async () => (await timeline(max))[0]?.groups, { timeout: WORKER_MS }).toEqual([['Max Manager: Approved'], ['Ada Admin: To decide']]);
    expect((await timeline(max))[0]).toMatchObject({ state: 'Deciding now', current: true });
    expect(await nextText(max)).toBe('Next: Ada Admin');
    expect((await quoteOf(quotes.c)).status).toBe('pending_approval');

    // Legal (Ada) approves: the step, and the quote, are approved.
    await openApproval(ada, quotes.c, titles.c);
    await approve(ada);
    await visible(header(ada).getByText('Published', { exact: true }), WORKER_MS);
    expect(await timeline(ada)).toMatchObject([{ state: 'Approved', groups: [['Max Manager: Approved'], ['Ada Admin: Approved']] }]);
    await expect.poll(async () => (await quoteOf(quotes.c)).status, { timeout: WORKER_MS }).toBe('published');
    expect(pageProblems(rep)).toEqual([]);
    expect(pageProblems(max)).toEqual([]);
    expect(pageProblems(ada)).toEqual([]);
    for (const page of [rep, max, ada]) await page.close();
  });
});
