import { waitUntil } from '@qa/shared-testing';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiWithWorker } from '../testing/api-with-worker';

type Json = Record<string, unknown>;
type Approver = { userId: string; state: string; at: string | null; notes: string | null; carriedFromRound: number | null };
type Route = { currentStep: number | null; rules: Array<{ ruleId: string; watchedFields?: string[] }>; steps: Array<{ step: number; state: string; groups: Array<{ state: string; approvers: Approver[] }> }> };
type Round = { round: number; status: string; currentApproverIds: string[]; route: Route; decisions: Array<{ approverId: string; decision: string; step?: number; at: string; carriedFromRound?: number }> };
type Page = { current: Round; rounds: Round[]; canDecide: boolean };
type Quote = Json & { status: string; version: number; lineItems: Array<{ id: string; productName: string; quantity: number; unitPrice: string }> };

/**
 * Smart re-approval over HTTP, API + worker on PostgreSQL and Redis: the rule of a two-step route
 * (the manager, then the admin) watches the total only. After changes were requested at step 2, a
 * resubmission that changes only the title keeps the manager's approval ("carried over from round
 * 1") and starts at step 2; one that changes the total asks the manager again.
 */
describe('smart re-approval: approvals kept across rounds while the watched fields stay the same (API + worker)', () => {
  const system = new ApiWithWorker({ name: 'smart-reappr', users: ['rep', 'manager', 'admin'] });
  const { call, ids } = system;
  let db: Client;
  let dealId: string;
  let ruleId: string;

  const rule = (watchedFields: unknown) => ({
    name: 'Manager, then the admin',
    when: [],
    route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'user', userId: ids['manager'] }] }] }, { groups: [{ mode: 'any', approvers: [{ kind: 'user', userId: ids['admin'] }] }] }],
    firstMatchOnly: false,
    watchedFields,
  });

  beforeAll(async () => {
    await system.start();
    db = new Client({ connectionString: system.api.database.url });
    await db.connect();
    dealId = await system.createDeal('Re-approval');
  });
  afterAll(async () => {
    await db?.end();
    await system.stop();
  });

  const quote = async (id: string) => (await call('rep', 'GET', `/api/v1/quotes/${id}`)).json<Quote>();
  const untilStatus = (id: string, status: string) => waitUntil(async () => ((await quote(id)).status === status ? true : null), { timeoutMs: 20_000, describe: async () => `status ${(await quote(id)).status}` });
  const page = (id: string, who = 'admin') => call(who, 'GET', `/api/v1/approvals/quotes/${id}`);
  const roundOpen = (id: string, round: number) =>
    waitUntil(
      async () => {
        const response = await page(id);
        const json = response.statusCode === 200 ? response.json<Page>() : null;
        return json && json.current.round === round && json.current.status === 'pending' ? json : null;
      },
      { timeoutMs: 20_000, describe: async () => (await page(id)).body },
    );
  const submit = async (id: string) => {
    const response = await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: (await quote(id)).version });
    expect(response.json(), response.body).toMatchObject({ status: 'pending_approval' });
  };
  /** The rep edits the quote sent back to them: its title, or the unit price of its line. */
  const edit = async (id: string, change: { title?: string; unitPrice?: string }) => {
    const current = await quote(id);
    const line = current.lineItems[0]!;
    const response = await call('rep', 'PUT', `/api/v1/quotes/${id}`, {
      title: change.title ?? current['title'],
      dealId,
      expiresOn: '2099-12-31',
      paymentTermsDays: 30,
      lineItems: [{ id: line.id, productName: line.productName, quantity: line.quantity, unitPrice: change.unitPrice ?? line.unitPrice }],
      version: current.version,
    });
    expect(response.statusCode, response.body).toBe(200);
  };
  /** The admin asks for changes on `round` at step 2; the quote goes back to the rep. */
  const sendBack = async (id: string, round: number) => {
    const response = await call('admin', 'POST', `/api/v1/approvals/quotes/${id}/request-changes`, { round, notes: 'Check the terms' });
    expect(response.statusCode, response.body).toBe(200);
    await untilStatus(id, 'changes_requested');
  };

  it('refuses a watched field it does not know, naming the rule and the place in its list', async () => {
    const refused = await call('admin', 'PUT', '/api/v1/approvals/settings', { requireApproval: false, defaultApproverId: null, rules: [rule([]), rule(['total', 'colour'])] });
    expect([refused.statusCode, refused.json()]).toEqual([
      422,
      expect.objectContaining({
        code: 'APPROVALS.INVALID_SETTINGS',
        details: { fields: [{ field: 'rules.1.watchedFields.1', reason: 'must be one of total, quoteDiscount, lineDiscounts, lines, currency, title, expiresOn, paymentTerms, company, deal' }] },
      }),
    ]);
  });

  it('keeps step 1 approved when only the title changed (carried over from round 1) and asks it again once the total changed', async () => {
    const saved = await call('admin', 'PUT', '/api/v1/approvals/settings', { requireApproval: false, defaultApproverId: null, rules: [rule(['total'])] });
    expect(saved.statusCode, saved.body).toBe(200);
    const savedRule = saved.json<{ rules: Array<{ id: string; watchedFields: string[] }> }>().rules[0]!;
    expect(savedRule.watchedFields).toEqual(['total']);
    ruleId = savedRule.id;
    expect((await call('admin', 'GET', '/api/v1/approvals/settings')).json<{ rules: Array<{ watchedFields: string[] }> }>().rules.map((r) => r.watchedFields)).toEqual([['total']]);

    const created = await call('rep', 'POST', '/api/v1/quotes', { title: 'Website', dealId, expiresOn: '2099-12-31', paymentTermsDays: 30, lineItems: [{ productName: 'Design', quantity: 2, unitPrice: '1500.00' }] });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;

    // Round 1: the manager approves step 1; the admin asks for changes at step 2.
    await submit(id);
    const round1 = (await roundOpen(id, 1)).current;
    expect(round1.route.rules).toEqual([expect.objectContaining({ ruleId, watchedFields: ['total'] })]);
    const approved = await call('manager', 'POST', `/api/v1/approvals/quotes/${id}/approve`, { round: 1, notes: 'Price is fine' });
    expect(approved.statusCode, approved.body).toBe(200);
    const approvedAt = approved.json<Round>().decisions[0]!.at;
    await sendBack(id, 1);

    // Round 2 after a new title only: step 1 carried over from round 1, the admin decides now.
    await edit(id, { title: 'Website v2' });
    await submit(id);
    const round2 = await roundOpen(id, 2);
    expect(round2.current).toMatchObject({ currentApproverIds: [ids['admin']], decisions: [{ approverId: ids['manager'], decision: 'approve', step: 0, at: approvedAt, carriedFromRound: 1 }] });
    expect(round2.current.route.currentStep).toBe(2);
    expect(round2.current.route.steps.map((s) => [s.state, s.groups[0]!.approvers])).toEqual([
      ['approved', [{ userId: ids['manager'], state: 'approved', at: approvedAt, notes: 'Price is fine', carriedFromRound: 1 }]],
      ['pending', [{ userId: ids['admin'], state: 'pending', at: null, notes: null, carriedFromRound: null }]],
    ]);
    expect((await page(id, 'manager')).json<Page>().canDecide).toBe(false);
    expect((await page(id, 'admin')).json<Page>().canDecide).toBe(true);
    // The opened event names the step the round starts at and its approvers (the review tasks follow it).
    const opened = await db.query(`select payload from messaging_outbox where name = 'approvals.request.opened.v1' and payload->>'quoteId' = $1 and (payload->>'round')::int = 2`, [id]);
    expect(opened.rows.map((r) => [r.payload.step, r.payload.approverIds])).toEqual([[2, [ids['admin']]]]);

    // Round 3 after a new total: the manager is asked again.
    await sendBack(id, 2);
    await edit(id, { unitPrice: '1400.00' });
    await submit(id);
    const round3 = await roundOpen(id, 3);
    expect(round3.current).toMatchObject({ currentApproverIds: [ids['manager']], decisions: [] });
    expect(round3.current.route.currentStep).toBe(1);
    expect(round3.current.route.steps.map((s) => [s.state, s.groups[0]!.approvers])).toEqual([
      ['pending', [{ userId: ids['manager'], state: 'pending', at: null, notes: null, carriedFromRound: null }]],
      ['waiting', [{ userId: ids['admin'], state: 'waiting', at: null, notes: null, carriedFromRound: null }]],
    ]);
    expect(round3.rounds.map((r) => [r.round, r.status])).toEqual([
      [1, 'changes_requested'],
      [2, 'changes_requested'],
      [3, 'pending'],
    ]);
  });
});
