// Approval analytics (issue 16, item 4) in real Chromium against the real API and worker (built SPA
// served by apps/api, fresh PostgreSQL database). Nothing is mocked. Through the API, Remy Rep
// (moved into a team of this file's own, so other files' history stays out of the figures) has
// three quotes reviewed by Max Manager under a rule of this file's: one approved, one sent back and
// approved at a lower discount, one still open. Max then opens Analytics, filters by that team,
// and reads each chart's table view; every figure is compared with what this test computes itself
// from what it seeded (discounts, outcomes) and from the rounds' own times (durations).
//
// Spec files share the database: afterAll withdraws the open quote, completes this file's tasks,
// switches approval off again and puts Remy back in their team.
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitUntil } from '@qa/shared-testing';
import { apiSessions, json, switchApprovalOff } from './api-sessions';
import { launchBrowser, type E2eBrowser } from './browser';
import { logIn, openPage, pageProblems, visible } from './page-helpers';
import { WORKER_MS } from './walkthrough-state';

const baseUrl = inject('baseUrl');
const users = { admin: 'admin@example.com', manager: 'manager@example.com', rep: 'rep2@example.com' } as const;
const api = apiSessions(baseUrl, users);
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const suffix = Date.now().toString(36);
const team = `Analytics ${suffix}`;
const product = `Analytics design ${suffix}`;
const ruleName = `Analytics above 5 % ${suffix}`;
const state = { repId: '', managerId: '', teamBefore: null as string | null, dealId: '', quotes: [] as string[] };
/** What this file seeded: each quote's discount per round and how the round ended. */
type SeededRound = { discount: number; outcome: 'approve' | 'request-changes' | 'open' };
const seeded: Array<{ rounds: SeededRound[] }> = [
  { rounds: [{ discount: 10, outcome: 'approve' }] },
  { rounds: [{ discount: 20, outcome: 'request-changes' }, { discount: 8, outcome: 'approve' }] },
  { rounds: [{ discount: 15, outcome: 'open' }] },
];
const UNIT = 1500;
const QUANTITY = 2;

let browser: E2eBrowser;

type Round = { round: number; status: string; openedAt: string; decisions: Array<{ approverId: string; at: string }> };

const quoteBody = (title: string, discount: number) => ({
  title,
  dealId: state.dealId,
  expiresOn: '2099-12-31',
  lineItems: [{ productName: product, quantity: QUANTITY, unitPrice: `${UNIT}.00`, discount: { type: 'percent', value: String(discount) } }],
});

async function quoteVersion(id: string): Promise<{ status: string; version: number }> {
  return json(await (await api.as('rep')).get(`/api/v1/quotes/${id}`), 200);
}

async function untilRound(id: string, round: number): Promise<void> {
  const manager = await api.as('manager');
  await waitUntil(
    async () => {
      const page = await manager.get(`/api/v1/approvals/quotes/${id}`);
      const current = page.status() === 200 ? ((await page.json()) as { current: { round: number; status: string } }).current : null;
      return current?.round === round && current.status === 'pending';
    },
    { timeoutMs: WORKER_MS, describe: () => `round ${round} of ${id} open` },
  );
}

beforeAll(async () => {
  browser = await launchBrowser({ baseUrl });
  const admin = await api.as('admin');
  const people = await json<{ items: Array<{ id: string; email: string; team: string | null }> }>(await admin.get('/api/v1/users'), 200);
  const rep = people.items.find((u) => u.email === users.rep)!;
  state.repId = rep.id;
  state.teamBefore = rep.team;
  state.managerId = people.items.find((u) => u.email === users.manager)!.id;
  await json(await admin.patch(`/api/v1/users/${rep.id}`, { data: { team } }), 200);
  const settings = await json<{ version: number }>(await admin.get('/api/v1/approvals/settings'), 200);
  const rule = { name: ruleName, when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 5 }] }], route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'manager', levels: 1 }] }] }], firstMatchOnly: false };
  await json(await admin.put('/api/v1/approvals/settings', { data: { requireApproval: false, defaultApproverId: null, rules: [rule], ...(settings.version ? { version: settings.version } : {}) } }), 200);
  const company = await json<{ id: string }>(await admin.post('/api/v1/crm/companies', { data: { name: `Analytics BV ${suffix}` } }), 201);
  const repApi = await api.as('rep');
  state.dealId = (await json<{ id: string }>(await repApi.post('/api/v1/crm/deals', { data: { name: `Analytics ${suffix}`, amount: '1000.00', currency: 'EUR', stage: 'contract_sent', companyId: company.id } }), 201)).id;

  const manager = await api.as('manager');
  for (const [q, quote] of seeded.entries()) {
    const id = (await json<{ id: string }>(await repApi.post('/api/v1/quotes', { data: quoteBody(`Analytics ${q + 1} ${suffix}`, quote.rounds[0].discount) }), 201)).id;
    state.quotes.push(id);
    for (const [r, round] of quote.rounds.entries()) {
      if (r > 0) {
        await waitUntil(async () => (await quoteVersion(id)).status === 'changes_requested', { timeoutMs: WORKER_MS });
        await json(await repApi.put(`/api/v1/quotes/${id}`, { data: { ...quoteBody(`Analytics ${q + 1} ${suffix}`, round.discount), version: (await quoteVersion(id)).version } }), 200);
      }
      await json(await repApi.post(`/api/v1/quotes/${id}/submit`, { data: { version: (await quoteVersion(id)).version } }), 200);
      await untilRound(id, r + 1);
      if (round.outcome === 'open') continue;
      const data = round.outcome === 'approve' ? { round: r + 1 } : { round: r + 1, notes: 'Less discount, please' };
      await json(await manager.post(`/api/v1/approvals/quotes/${id}/${round.outcome}`, { data }), 200);
    }
  }
  // The worker projects each round into the analytics: wait until all of them are in.
  await waitUntil(
    async () => {
      const figures = await json<{ rates: { decided: number }; openByAge: Array<{ count: number }> }>(await manager.get(`/api/v1/analytics/approvals?team=${encodeURIComponent(team)}`), 200);
      return figures.rates.decided === 3 && figures.openByAge.reduce((sum, b) => sum + b.count, 0) === 1;
    },
    { timeoutMs: WORKER_MS, describe: () => 'the analytics hold the three decided rounds and the open one' },
  );
});

afterAll(async () => {
  try {
    const admin = await api.as('admin');
    const open = state.quotes[2];
    if (open) await (await api.as('rep')).post(`/api/v1/quotes/${open}/withdraw`, { data: { version: (await quoteVersion(open)).version } });
    for (const quoteId of state.quotes) {
      const tasks = await admin.get(`/api/v1/tasks?assignee=anyone&status=open&relatedType=quote&relatedId=${quoteId}`);
      for (const task of ((await tasks.json()) as { items: Array<{ id: string }> }).items) await admin.post(`/api/v1/tasks/${task.id}/complete`);
    }
    await switchApprovalOff(admin);
    if (state.repId) await admin.patch(`/api/v1/users/${state.repId}`, { data: { team: state.teamBefore } });
  } finally {
    await api.dispose();
    await browser?.close();
  }
});

// --- What the test computes itself ---------------------------------------------------------------

/** percentile_cont: linear interpolation between the closest ranks. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  return sorted[low] + (sorted[Math.ceil(rank)] - sorted[low]) * (rank - low);
}
const hours = (seconds: number) => Math.round((seconds / 3600) * 100) / 100;
const en = (value: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(value);
const euro = (minor: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(minor / 100);
const share = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;

/** Seconds from each round's opening to Max's decision, from the rounds as the approvals API keeps them. */
async function decisionSeconds(): Promise<number[]> {
  const manager = await api.as('manager');
  const seconds: number[] = [];
  for (const id of state.quotes) {
    const page = await json<{ rounds: Round[] }>(await manager.get(`/api/v1/approvals/quotes/${id}`), 200);
    for (const round of page.rounds) for (const d of round.decisions) seconds.push(Math.round((Date.parse(d.at) - Date.parse(round.openedAt)) / 1000));
  }
  return seconds;
}

/** Requested (first round) and approved (approved round) discount over the approved quotes, in cents. */
function leakage() {
  const gross = UNIT * QUANTITY * 100;
  const approvedQuotes = seeded.filter((q) => q.rounds.some((r) => r.outcome === 'approve'));
  const requested = approvedQuotes.reduce((sum, q) => sum + (gross * q.rounds[0].discount) / 100, 0);
  const approved = approvedQuotes.reduce((sum, q) => sum + (gross * q.rounds.find((r) => r.outcome === 'approve')!.discount) / 100, 0);
  const total = gross * approvedQuotes.length;
  return { count: approvedQuotes.length, requested, approved, requestedPercent: share(requested, total), approvedPercent: share(approved, total) };
}

// --- The page ------------------------------------------------------------------------------------

async function tableOf(page: Page, title: string): Promise<string[][]> {
  const card = page.getByRole('region', { name: title, exact: true });
  await card.getByRole('button', { name: 'Show as table' }).click();
  const table = await visible(card.getByRole('table', { name: title }));
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent?.trim() ?? '')));
}

describe('analytics page (a manager, one team\'s seeded history)', () => {
  it('shows the figures the test computes from the seeded history, in the table views, with no accessibility violations', async () => {
    const page = await openPage(browser);
    await logIn(page, baseUrl, users.manager);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Analytics' }));
    await visible(page.getByRole('region', { name: 'Time in approval by approver', exact: true }).locator('canvas[role="img"]'));
    await page.getByLabel('Team', { exact: true }).selectOption(team);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect.poll(() => page.locator('#analytics-status').textContent()).toMatch(/^Analytics from /);

    const seconds = await decisionSeconds();
    expect(seconds).toHaveLength(3);
    const timing = [String(seconds.length), en(hours(percentile(seconds, 0.5))), en(hours(percentile(seconds, 0.9)))];
    expect(await tableOf(page, 'Time in approval by approver')).toEqual([['Max Manager', ...timing]]);
    expect(await tableOf(page, 'Time in approval by step')).toEqual([['Step 1', ...timing]]);
    expect(await tableOf(page, 'Time in approval by rule')).toEqual([[ruleName, ...timing]]);
    expect(await tableOf(page, 'Time in approval by team')).toEqual([[team, ...timing]]);
    expect(await tableOf(page, 'Slowest approvers')).toEqual([['Max Manager', ...timing]]);
    expect(await tableOf(page, 'Open approvals by age')).toEqual([
      ['Under 1 day', '1'],
      ['1–3 days', '0'],
      ['3–7 days', '0'],
      ['Over 7 days', '0'],
    ]);
    const decisions = seeded.flatMap((q) => q.rounds).filter((r) => r.outcome !== 'open');
    const approvedCount = decisions.filter((r) => r.outcome === 'approve').length;
    expect(await tableOf(page, 'Approval and changes-requested rates')).toEqual([
      ['Approved', String(approvedCount), en(share(approvedCount, decisions.length))],
      ['Changes requested', String(decisions.length - approvedCount), en(share(decisions.length - approvedCount, decisions.length))],
    ]);
    const l = leakage();
    const leak = ['EUR', String(l.count), en(l.requestedPercent), en(l.approvedPercent), euro(l.requested), euro(l.approved)];
    expect(await tableOf(page, 'Discount requested and approved by rep')).toEqual([['Remy Rep', ...leak]]);
    expect(await tableOf(page, 'Discount requested and approved by product')).toEqual([[product, ...leak]]);

    const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(axe.violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}: ${v.help}`))).toEqual([]);
    expect(pageProblems(page)).toEqual([]);
  });

  it('refuses a rep the figures and shows them no Analytics link', async () => {
    const page = await openPage(browser);
    await logIn(page, baseUrl, users.rep);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics', exact: true }).count()).toBe(0);
    expect((await (await api.as('rep')).get('/api/v1/analytics/approvals')).status()).toBe(403);
    await page.goto(`${baseUrl}/analytics`);
    await visible(page.getByRole('alert').filter({ hasText: 'Only managers and admins may see analytics.' }));
  });
});
