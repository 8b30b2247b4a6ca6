import { MikroORM, RequestContext } from '@mikro-orm/core';
import { CommandBus } from '@nestjs/cqrs';
import { CreateUserCommand } from '@qa/identity-application';
import { waitUntil } from '@qa/shared-testing';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiWithWorker } from '../testing/api-with-worker';

type Json = Record<string, unknown>;
type Approver = { userId: string; state: string; at: string | null; notes: string | null; carriedFromRound: number | null };
type Route = {
  policyVersion: number;
  currentStep: number | null;
  rules: Array<{ ruleId: string; ruleName: string; reasons: Json[] }>;
  steps: Array<{ step: number; state: string; groups: Array<{ mode: string; state: string; refs: Json[]; ruleIds: string[]; notes: Json[]; approvers: Approver[] }> }>;
};
type Round = { round: number; status: string; approverIds: string[]; currentApproverIds: string[]; submittedBy: string | null; route: Route; decisions: Array<{ approverId: string; decision: string; step?: number }> };
type Page = { current: Round; rounds: Round[]; canDecide: boolean };
type Rule = { id?: string; name: string; when: Json[]; route: Json[]; firstMatchOnly: boolean };

const PASSWORD = 'long-enough-password-1';

/**
 * Approval routes over HTTP, API + worker on PostgreSQL and Redis: an admin sets up the org (the
 * rep reports to the manager, the manager to a director; finance and legal in their teams) and a
 * policy of three rules; each quote gets the route of the rule it matches, resolved from the org
 * at submit, and is approved step by step, a later step's approvers waiting for the earlier step.
 */
describe('approval routes: steps of approver groups resolved from the org (API + worker)', () => {
  const system = new ApiWithWorker({ name: 'appr-routes', users: ['rep', 'manager', 'admin'] });
  const { call, ids } = system;
  let db: Client;
  let dealId: string;
  /** The saved rules' ids, by rule: a, b and c. */
  const ruleIds: Record<string, string> = {};
  let policyVersion = 0;

  const RULES: Record<'a' | 'b' | 'c', Rule> = {
    a: {
      name: 'Manager for 10–20 %',
      when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'between', value: [10, 20] }] }],
      route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'manager', levels: 1 }] }] }],
      firstMatchOnly: false,
    },
    b: {
      name: 'Manager then director above 20 %',
      when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 20 }] }],
      route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'manager', levels: 1 }] }] }, { groups: [{ mode: 'any', approvers: [{ kind: 'manager', levels: 2 }] }] }],
      firstMatchOnly: false,
    },
    c: {
      name: 'Finance and legal for long terms',
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
    },
  };

  /** Saves the policy (at the version read now); returns the saved rules. */
  const savePolicy = async (rules: Rule[]) => {
    // 0 before the first save: then no version is sent.
    const version = (await call('admin', 'GET', '/api/v1/approvals/settings')).json<{ version: number }>().version;
    const saved = await call('admin', 'PUT', '/api/v1/approvals/settings', { requireApproval: false, defaultApproverId: null, rules, version: version || undefined });
    expect(saved.statusCode, saved.body).toBe(200);
    const json = saved.json<{ version: number; rules: Array<Rule & { id: string }> }>();
    policyVersion = json.version;
    return json.rules;
  };

  beforeAll(async () => {
    await system.start();
    db = new Client({ connectionString: system.api.database.url });
    await db.connect();
    // New users (reps at first); the admin places them in the org over HTTP.
    await RequestContext.create(system.api.app.get(MikroORM).em.fork(), async () => {
      for (const [who, name] of [
        ['director', 'Dana Director'],
        ['finance', 'Fay Finance'],
        ['legal', 'Lee Legal'],
      ]) {
        await system.api.app.get(CommandBus).execute(new CreateUserCommand(`${who}@example.com`, name, 'rep', PASSWORD));
      }
    });
    for (const who of ['director', 'finance', 'legal']) await system.logIn(who, PASSWORD);
    const place = async (who: string, change: Json) => {
      const response = await call('admin', 'PATCH', `/api/v1/users/${ids[who]}`, change);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject(change);
    };
    await place('director', { role: 'manager' });
    await place('manager', { reportsTo: ids['director'] });
    await place('rep', { reportsTo: ids['manager'] });
    await place('finance', { role: 'manager', team: 'Finance' });
    await place('legal', { role: 'manager', team: 'Legal' });

    const saved = await savePolicy([RULES.a, RULES.b, RULES.c]);
    expect(saved.map((r) => [r.name, r.when, r.route, r.firstMatchOnly])).toEqual([RULES.a, RULES.b, RULES.c].map((r) => [r.name, r.when, r.route, false]));
    [ruleIds['a'], ruleIds['b'], ruleIds['c']] = saved.map((r) => r.id);
    await system.approvalWorkflowsInstalled();
    dealId = await system.createDeal('Routes');
  });
  afterAll(async () => {
    await db?.end();
    await system.stop();
  });

  const quote = async (id: string) => (await call('rep', 'GET', `/api/v1/quotes/${id}`)).json<Json & { status: string; version: number; history: Array<{ status: string; by: string | null }> }>();
  const untilStatus = (id: string, status: string) =>
    waitUntil(async () => ((await quote(id)).status === status ? quote(id) : null), { timeoutMs: 20_000, describe: async () => `status ${(await quote(id)).status}` });
  /** rep's quote (2 × 1,500.00 EUR), with this discount (percent) and payment terms; submitted. */
  const submitted = async (title: string, discount: string | null, paymentTermsDays = 30) => {
    const created = await call('rep', 'POST', '/api/v1/quotes', {
      title,
      dealId,
      expiresOn: '2099-12-31',
      paymentTermsDays,
      lineItems: [{ productName: 'Design', quantity: 2, unitPrice: '1500.00', ...(discount ? { discount: { type: 'percent', value: discount } } : {}) }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    await submit(id);
    return id;
  };
  const submit = async (id: string) => {
    const response = await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: (await quote(id)).version });
    expect(response.json()).toMatchObject({ status: 'pending_approval' });
  };
  const page = (id: string, who = 'admin') => call(who, 'GET', `/api/v1/approvals/quotes/${id}`);
  /** The approval page once round `round` is open. */
  const roundOpen = (id: string, round: number) =>
    waitUntil(
      async () => {
        const response = await page(id);
        const json = response.statusCode === 200 ? response.json<Page>() : null;
        return json && json.current.round === round && json.current.status === 'pending' ? json : null;
      },
      { timeoutMs: 20_000, describe: async () => (await page(id)).body },
    );
  const approve = (who: string, id: string, round: number) => call(who, 'POST', `/api/v1/approvals/quotes/${id}/approve`, { round });
  const pending = (userId: string): Approver => ({ userId, state: 'pending', at: null, notes: null, carriedFromRound: null });
  const waiting = (userId: string): Approver => ({ userId, state: 'waiting', at: null, notes: null, carriedFromRound: null });
  const approved = (userId: string) => ({ userId, state: 'approved', at: expect.any(String), notes: null, carriedFromRound: null });
  const percentReason = (operator: string, expected: unknown, actual: number) => ({ code: 'condition', field: 'effectiveDiscountPercent', operator, expected, actual });

  it("routes a 15 % discount to the owner's manager (rule a) and approves the quote with their approval", async () => {
    const id = await submitted('Rule a', '15');
    const { current, canDecide } = await roundOpen(id, 1);
    expect(canDecide).toBe(false); // the admin only looks
    expect(current).toMatchObject({ approverIds: [ids['manager']], currentApproverIds: [ids['manager']], submittedBy: ids['rep'], decisions: [] });
    expect(current.route).toEqual({
      policyVersion,
      currentStep: 1,
      rules: [{ ruleId: ruleIds['a'], ruleName: 'Manager for 10–20 %', reasons: [percentReason('between', [10, 20], 15)] }],
      steps: [{ step: 1, state: 'pending', groups: [{ mode: 'any', state: 'pending', refs: [{ kind: 'manager', levels: 1 }], ruleIds: [ruleIds['a']], notes: [], approvers: [pending(ids['manager'])] }] }],
    });
    expect((await page(id, 'manager')).json<Page>().canDecide).toBe(true);

    const decided = await approve('manager', id, 1);
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json<Round>()).toMatchObject({ status: 'approved', currentApproverIds: [], route: { currentStep: null, steps: [{ state: 'approved', groups: [{ state: 'approved', approvers: [approved(ids['manager'])] }] }] } });
    const published = await untilStatus(id, 'published');
    expect(published.history.map((h) => [h.status, h.by])).toContainEqual(['approved', ids['manager']]);
  });

  it('routes a 25 % discount through the manager, then the director (rule b); the director waits for step 1; changes requested at step 2 start round 2 with a fresh route', async () => {
    const id = await submitted('Rule b', '25');
    const round1 = (await roundOpen(id, 1)).current;
    const route = (currentStep: number | null, step1: Approver, step2: Approver, states: [string, string]): Route => ({
      policyVersion,
      currentStep,
      rules: [{ ruleId: ruleIds['b'], ruleName: 'Manager then director above 20 %', reasons: [percentReason('gt', 20, 25)] }],
      steps: [
        { step: 1, state: states[0], groups: [{ mode: 'any', state: states[0], refs: [{ kind: 'manager', levels: 1 }], ruleIds: [ruleIds['b']], notes: [], approvers: [step1] }] },
        { step: 2, state: states[1], groups: [{ mode: 'any', state: states[1], refs: [{ kind: 'manager', levels: 2 }], ruleIds: [ruleIds['b']], notes: [], approvers: [step2] }] },
      ],
    });
    expect(round1).toMatchObject({ approverIds: [ids['manager'], ids['director']], currentApproverIds: [ids['manager']] });
    expect(round1.route).toEqual(route(1, pending(ids['manager']), waiting(ids['director']), ['pending', 'waiting']));

    // The director may look, but not decide before step 1 is approved.
    expect((await page(id, 'director')).json<Page>().canDecide).toBe(false);
    const early = await approve('director', id, 1);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'APPROVALS.NOT_YOUR_STEP_YET', details: { yourStep: 2, currentStep: 1 } });
    expect((await call('director', 'POST', `/api/v1/approvals/quotes/${id}/request-changes`, { round: 1, notes: 'Too much' })).json()).toMatchObject({ statusCode: 409, code: 'APPROVALS.NOT_YOUR_STEP_YET' });

    // Step 1 approved: step 2 starts (and says so), the director decides now.
    const step1 = await approve('manager', id, 1);
    expect(step1.statusCode, step1.body).toBe(200);
    expect(step1.json<Round>()).toMatchObject({ status: 'pending', currentApproverIds: [ids['director']] });
    expect(step1.json<Round>().route).toEqual(route(2, approved(ids['manager']) as Approver, pending(ids['director']), ['approved', 'pending']));
    expect((await approve('manager', id, 1)).json()).toMatchObject({ statusCode: 409, code: 'APPROVALS.ALREADY_DECIDED' });
    const stepStarted = await db.query(`select payload from messaging_outbox where name = 'approvals.request.step-started.v1' and payload->>'quoteId' = $1`, [id]);
    expect(stepStarted.rows.map((r) => r.payload)).toEqual([expect.objectContaining({ quoteId: id, round: 1, step: 2, steps: 2, approverIds: [ids['director']], decidedBy: ids['manager'] })]);
    expect((await page(id, 'director')).json<Page>().canDecide).toBe(true);
    expect((await quote(id)).status).toBe('pending_approval');

    // The director requests changes: the round ends; the quote goes back to the rep.
    const changes = await call('director', 'POST', `/api/v1/approvals/quotes/${id}/request-changes`, { round: 1, notes: 'Ask finance first' });
    expect(changes.statusCode, changes.body).toBe(200);
    expect(changes.json<Round>()).toMatchObject({ status: 'changes_requested', currentApproverIds: [], decisions: [{ approverId: ids['manager'], decision: 'approve', step: 0 }, { approverId: ids['director'], decision: 'request_changes', step: 1 }] });
    expect(changes.json<Round>().route.steps.map((s) => [s.state, s.groups[0].approvers[0].state])).toEqual([
      ['approved', 'approved'],
      ['changes_requested', 'changes_requested'],
    ]);
    await untilStatus(id, 'changes_requested');

    // Submitted again: round 2, routed afresh, from step 1; round 1 kept as it ended.
    await submit(id);
    const round2 = await roundOpen(id, 2);
    expect(round2.current).toMatchObject({ currentApproverIds: [ids['manager']], decisions: [] });
    expect(round2.current.route).toEqual(route(1, pending(ids['manager']), waiting(ids['director']), ['pending', 'waiting']));
    expect(round2.rounds.map((r) => [r.round, r.status])).toEqual([
      [1, 'changes_requested'],
      [2, 'pending'],
    ]);
    expect((await approve('director', id, 2)).json()).toMatchObject({ statusCode: 409, code: 'APPROVALS.NOT_YOUR_STEP_YET' });
    expect((await approve('manager', id, 2)).json()).toMatchObject({ status: 'pending', currentApproverIds: [ids['director']] });
    const last = await approve('director', id, 2);
    expect(last.statusCode, last.body).toBe(200);
    expect(last.json<Round>()).toMatchObject({ status: 'approved', currentApproverIds: [] });
    expect(last.json<Round>().route).toEqual(route(null, approved(ids['manager']) as Approver, approved(ids['director']) as Approver, ['approved', 'approved']));
    const published = await untilStatus(id, 'published');
    expect(published.history.map((h) => [h.status, h.by])).toContainEqual(['approved', ids['director']]);
  });

  it('routes 60-day payment terms to finance and legal in parallel (rule c): approved once both groups approve', async () => {
    const id = await submitted('Rule c', null, 60);
    const { current } = await roundOpen(id, 1);
    const group = (team: string, approver: Approver) => ({ mode: 'any', state: approver.state, refs: [{ kind: 'team', team }], ruleIds: [ruleIds['c']], notes: [], approvers: [approver] });
    expect(current).toMatchObject({ approverIds: [ids['finance'], ids['legal']], currentApproverIds: [ids['finance'], ids['legal']] });
    expect(current.route).toEqual({
      policyVersion,
      currentStep: 1,
      rules: [{ ruleId: ruleIds['c'], ruleName: 'Finance and legal for long terms', reasons: [{ code: 'condition', field: 'paymentTermsDays', operator: 'gt', expected: 30, actual: 60 }] }],
      steps: [{ step: 1, state: 'pending', groups: [group('Finance', pending(ids['finance'])), group('Legal', pending(ids['legal']))] }],
    });

    // Finance approves: their group is done, legal's still pending; the quote waits.
    const first = await approve('finance', id, 1);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<Round>()).toMatchObject({ status: 'pending', currentApproverIds: [ids['finance'], ids['legal']] });
    expect(first.json<Round>().route.steps[0]).toMatchObject({ state: 'pending', groups: [{ state: 'approved', approvers: [approved(ids['finance'])] }, { state: 'pending', approvers: [pending(ids['legal'])] }] });
    expect((await page(id, 'finance')).json<Page>().canDecide).toBe(false);
    expect((await approve('finance', id, 1)).json()).toMatchObject({ statusCode: 409, code: 'APPROVALS.ALREADY_DECIDED' });
    expect((await quote(id)).status).toBe('pending_approval');

    const second = await approve('legal', id, 1);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json<Round>()).toMatchObject({ status: 'approved', route: { currentStep: null, steps: [{ state: 'approved', groups: [{ state: 'approved' }, { state: 'approved' }] }] } });
    const published = await untilStatus(id, 'published');
    expect(published.history.map((h) => [h.status, h.by])).toContainEqual(['approved', ids['legal']]);
  });

  it('moves the review tasks along the route: the approvers deciding now have one, the next step theirs once it starts', async () => {
    type Task = { assigneeId: string; status: string; message: { code: string; params: Record<string, string> } | null };
    /** A message's params as text, keys in order (PostgreSQL keeps JSON keys in its own order). */
    const paramsText = (params: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(params).sort(([a], [b]) => a.localeCompare(b))));
    const tasks = async (id: string) =>
      (await call('admin', 'GET', `/api/v1/tasks?assignee=anyone&relatedType=quote&relatedId=${id}`))
        .json<{ items: Task[] }>()
        .items.map((t) => [t.assigneeId, t.status, t.message?.code ?? '', paramsText(t.message?.params ?? {})])
        .sort();
    const untilTasks = (id: string, expected: string[][]) =>
      waitUntil(async () => JSON.stringify(await tasks(id)) === JSON.stringify([...expected].sort()), { timeoutMs: 20_000, describe: async () => JSON.stringify(await tasks(id)) });
    const approver = async (id: string) =>
      (await call('rep', 'GET', `/api/v1/records/quote/${id}/properties`)).json<{ properties: Array<{ name: string; value: unknown }> }>().properties.find((p) => p.name === 'approver')?.value ?? null;

    // Two steps (rule b): the manager's review first; the director's only once step 1 is approved.
    const id = await submitted('Tasks along the route', '25');
    await roundOpen(id, 1);
    // The tasks' texts are message codes with params (the SPA words them).
    const number = (await quote(id))['number'];
    const review = ['approvals.reviewQuote', paramsText({ number, title: 'Tasks along the route' })];
    const step2 = ['approvals.reviewQuoteStep', paramsText({ number, title: 'Tasks along the route', step: '2', steps: '2' })];
    await untilTasks(id, [[ids['manager'], 'open', ...review]]);
    await waitUntil(async () => (await approver(id)) === ids['manager'], { timeoutMs: 20_000 });
    expect((await approve('manager', id, 1)).statusCode).toBe(200);
    await untilTasks(id, [
      [ids['manager'], 'completed', ...review],
      [ids['director'], 'open', ...step2],
    ]);
    await waitUntil(async () => (await approver(id)) === ids['director'], { timeoutMs: 20_000, describe: async () => `approver ${await approver(id)}` });
    expect((await approve('director', id, 1)).statusCode).toBe(200);
    await untilTasks(id, [
      [ids['manager'], 'completed', ...review],
      [ids['director'], 'completed', ...step2],
    ]);

    // Two groups in one step (rule c): finance and legal review at the same time.
    const parallel = await submitted('Tasks in parallel', null, 60);
    await roundOpen(parallel, 1);
    const parallelReview = ['approvals.reviewQuote', paramsText({ number: (await quote(parallel))['number'], title: 'Tasks in parallel' })];
    await untilTasks(parallel, [
      [ids['finance'], 'open', ...parallelReview],
      [ids['legal'], 'open', ...parallelReview],
    ]);
  });

  it('refuses a percent condition that is no number, naming the condition value, and keeps the policy', async () => {
    const before = (await call('admin', 'GET', '/api/v1/approvals/settings')).json<{ version: number; rules: unknown[] }>();
    const bad: Rule = { ...RULES.a, when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 'abc' }] }] };
    const refused = await call('admin', 'PUT', '/api/v1/approvals/settings', { requireApproval: false, defaultApproverId: null, rules: [bad], version: before.version });
    // A value of the wrong type for its field, as docs/api.md says: 422, naming the part and why.
    const { code, details } = refused.json<{ code: string; details: { fields: Array<{ field: string; reason: string }> } }>();
    expect([refused.statusCode, code, details.fields]).toEqual([422, 'APPROVALS.INVALID_SETTINGS', [{ field: 'rules.0.when.0.conditions.0.value', reason: 'must be a number from 0 to 100' }]]);
    expect((await call('admin', 'GET', '/api/v1/approvals/settings')).json()).toMatchObject({ version: before.version, rules: before.rules });
  });

  it("keeps an open round's route when the policy changes (frozen at submit): its approver still approves it", async () => {
    const id = await submitted('Frozen', '15');
    const opened = (await roundOpen(id, 1)).current;
    const versionAtSubmit = policyVersion;
    expect(opened.route).toMatchObject({ policyVersion: versionAtSubmit, rules: [{ ruleId: ruleIds['a'] }], steps: [{ groups: [{ approvers: [pending(ids['manager'])] }] }] });

    // Now 10–20 % goes to finance, in a policy of that one rule.
    const changed = await savePolicy([{ ...RULES.a, id: ruleIds['a'], route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'team', team: 'Finance' }] }] }] }]);
    expect(policyVersion).toBe(versionAtSubmit + 1);
    expect(changed.map((r) => r.id)).toEqual([ruleIds['a']]);
    const after = (await page(id)).json<Page>().current;
    expect([after.route, after.approverIds, after.currentApproverIds]).toEqual([opened.route, [ids['manager']], [ids['manager']]]);
    expect((await page(id, 'finance')).json()).toMatchObject({ statusCode: 403, code: 'APPROVALS.NOT_AN_APPROVER' });
    expect((await approve('finance', id, 1)).json()).toMatchObject({ statusCode: 403, code: 'APPROVALS.NOT_AN_APPROVER' });

    // A quote submitted now follows the new policy; the open round is still the manager's.
    const later = await submitted('After the change', '15');
    expect((await roundOpen(later, 1)).current.route).toMatchObject({ policyVersion, steps: [{ groups: [{ refs: [{ kind: 'team', team: 'Finance' }], approvers: [pending(ids['finance'])] }] }] });
    const decided = await approve('manager', id, 1);
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json<Round>()).toMatchObject({ status: 'approved', route: { policyVersion: versionAtSubmit } });
    await untilStatus(id, 'published');
  });
});
