import { MikroORM, RequestContext } from '@mikro-orm/core';
import { CommandBus } from '@nestjs/cqrs';
import { DecideApprovalCommand } from '@qa/approvals-application';
import { CreateUserCommand } from '@qa/identity-application';
import type { Caller } from '@qa/shared-kernel';
import { waitUntil } from '@qa/shared-testing';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiWithWorker } from '../testing/api-with-worker';

type Json = Record<string, unknown>;
type Page = { current: { round: number; status: string; approverIds: string[]; submittedBy: string | null }; rounds: unknown[]; approvers: Array<{ id: string; name: string; active: boolean }>; canDecide: boolean };

/**
 * Who may decide a round, rounds that can never be stranded or decided on stale data, and the CRM
 * records a rep may attach: over HTTP, API + worker on PostgreSQL and Redis. The worker starts
 * only after the first test, which changes the settings between submit and the round opening.
 */
describe('approval integrity (API + worker)', () => {
  const system = new ApiWithWorker({ name: 'appr-int', users: ['rep', 'rep2', 'manager', 'admin'], worker: 'later' });
  const { call, ids } = system;
  let db: Client;
  let dealId: string;
  let settingsVersion = 0;

  beforeAll(async () => {
    await system.start();
    db = new Client({ connectionString: system.api.database.url });
    await db.connect();
    await RequestContext.create(system.api.app.get(MikroORM).em.fork(), async () => {
      for (const who of ['manager2', 'manager3', 'manager4', 'manager5']) {
        await system.api.app.get(CommandBus).execute(new CreateUserCommand(`${who}@example.com`, `Manager ${who.slice(-1)}`, 'manager', 'long-enough-password-1'));
      }
    });
    for (const who of ['manager2', 'manager3', 'manager4', 'manager5']) await system.logIn(who, 'long-enough-password-1');
    dealId = await system.createDeal('Acme');
  });
  afterAll(async () => {
    await db?.end();
    await system.stop();
  });

  const quote = async (id: string, who = 'rep') => (await call(who, 'GET', `/api/v1/quotes/${id}`)).json<Json & { status: string; version: number; lineItems: Array<{ id: string }> }>();
  const body = (overrides: Json = {}) => ({ title: 'Website redesign', dealId, expiresOn: '2099-12-31', lineItems: [{ productName: 'Design', quantity: 2, unitPrice: '1500.00' }], ...overrides });
  const create = async (who = 'rep', overrides: Json = {}) => {
    const response = await call(who, 'POST', '/api/v1/quotes', body(overrides));
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string }>().id;
  };
  const submit = async (id: string, who = 'rep') => call(who, 'POST', `/api/v1/quotes/${id}/submit`, { version: (await quote(id)).version });
  const settings = async (next: Json) => {
    const saved = await call('admin', 'PUT', '/api/v1/approvals/settings', { rules: [], ...next, version: settingsVersion || undefined });
    expect(saved.statusCode).toBe(200);
    settingsVersion = saved.json<{ version: number }>().version;
  };
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
  const setUser = (who: string, change: { role?: string; active?: boolean }) =>
    db.query(`update identity_user set role = coalesce($2, role), active = coalesce($3, active) where id = $1`, [ids[who], change.role ?? null, change.active ?? null]);

  it('fixes the route at submit: settings changed before the worker opens the round change nobody who approves it', async () => {
    await settings({ requireApproval: true, defaultApproverId: ids['manager'] });
    const first = await create('rep', { title: 'Route 1' });
    expect((await submit(first)).json()).toMatchObject({ status: 'pending_approval' });
    await settings({ requireApproval: true, defaultApproverId: ids['manager2'] });
    const second = await create('rep', { title: 'Route 2' });
    expect((await submit(second)).json()).toMatchObject({ status: 'pending_approval' });
    // Submitted, withdrawn, edited and submitted again, all before the worker runs: one round, of the last version.
    const third = await create('rep', { title: 'Route 3' });
    await submit(third);
    expect((await call('rep', 'POST', `/api/v1/quotes/${third}/withdraw`, { version: (await quote(third)).version })).json()).toMatchObject({ status: 'draft' });
    const draft = await quote(third);
    const edited = await call('rep', 'PUT', `/api/v1/quotes/${third}`, { ...body({ title: 'Route 3', lineItems: [{ id: draft.lineItems[0].id, productName: 'Design', quantity: 3, unitPrice: '1500.00' }] }), version: draft.version });
    expect(edited.statusCode).toBe(200);
    await submit(third);
    // Approval off: a round evaluated now would have nobody to approve it (the stranded quote).
    await settings({ requireApproval: false, defaultApproverId: null });

    await system.startWorker();
    expect((await roundOpen(first, 1)).current).toMatchObject({ approverIds: [ids['manager']], submittedBy: ids['rep'] });
    expect((await roundOpen(second, 1)).current).toMatchObject({ approverIds: [ids['manager2']] });
    const third1 = await roundOpen(third, 1);
    expect([third1.current.approverIds, third1.rounds.length]).toEqual([[ids['manager2']], 1]);
    const thirdRound = (await db.query(`select quote_version, snapshot->>'total' as total from approvals_request where quote_id = $1`, [third])).rows;
    expect(thirdRound).toEqual([{ quote_version: (await quote(third)).version, total: '4500.00' }]);
    // The original approver decides; the quote follows.
    expect((await call('manager', 'POST', `/api/v1/approvals/quotes/${first}/approve`, { round: 1 })).statusCode).toBe(200);
    await waitUntil(async () => (await quote(first)).status === 'published', { timeoutMs: 20_000 });
  });

  it('refuses a submit that nobody could approve (deactivated approver, or only the submitter) and changes nothing', async () => {
    await settings({ requireApproval: true, defaultApproverId: ids['manager5'] });
    await setUser('manager5', { active: false });
    try {
      const id = await create();
      const refused = await submit(id);
      expect(refused.json()).toMatchObject({ statusCode: 422, code: 'QUOTES.NO_APPROVER' });
      expect(await quote(id)).toMatchObject({ status: 'draft', version: 1 });
    } finally {
      await setUser('manager5', { active: true });
    }
    // An admin submitting a rep's quote is never its approver: as the only one named, nobody is left.
    await settings({ requireApproval: true, defaultApproverId: ids['admin'] });
    const id = await create();
    expect((await submit(id, 'admin')).json()).toMatchObject({ statusCode: 422, code: 'QUOTES.NO_APPROVER' });
    expect(await quote(id)).toMatchObject({ status: 'draft', version: 1 });
  });

  it('never lets whoever submitted a round decide it, even an admin named as its approver', async () => {
    await system.startWorker();
    await settings({
      requireApproval: false,
      defaultApproverId: null,
      rules: [
        {
          name: 'Everything',
          when: [],
          route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'user', userId: ids['admin'] }, { kind: 'user', userId: ids['manager'] }] }] }],
          firstMatchOnly: true,
        },
      ],
    });
    const id = await create();
    expect((await submit(id, 'admin')).json()).toMatchObject({ status: 'pending_approval' });
    const opened = await roundOpen(id, 1);
    expect([opened.current.approverIds, opened.current.submittedBy, opened.canDecide]).toEqual([[ids['manager']], ids['admin'], false]);
    for (const [url, payload] of [['approve', { round: 1 }], ['request-changes', { round: 1, notes: 'Mine' }]] as const) {
      expect((await call('admin', 'POST', `/api/v1/approvals/quotes/${id}/${url}`, payload)).json()).toMatchObject({ statusCode: 403, code: 'APPROVALS.SUBMITTER_CANNOT_DECIDE' });
    }
    expect((await call('rep', 'POST', `/api/v1/approvals/quotes/${id}/approve`, { round: 1 })).json()).toMatchObject({ statusCode: 403, code: 'APPROVALS.OWN_QUOTE' });
    expect((await page(id)).json<Page>().current.status).toBe('pending');
    expect((await call('manager', 'POST', `/api/v1/approvals/quotes/${id}/approve`, { round: 1 })).statusCode).toBe(200);
  });

  it("checks the approver's role and active state at the moment of the decision, and shows a deactivated approver", async () => {
    await system.startWorker();
    await settings({
      requireApproval: false,
      defaultApproverId: null,
      rules: [
        {
          name: 'Both',
          when: [],
          route: [{ groups: [{ mode: 'all', approvers: [{ kind: 'user', userId: ids['manager3'] }, { kind: 'user', userId: ids['manager4'] }] }] }],
          firstMatchOnly: true,
        },
      ],
    });
    const id = await create();
    await submit(id);
    expect((await roundOpen(id, 1)).approvers).toEqual([
      { id: ids['manager3'], name: 'Manager 3', active: true },
      { id: ids['manager4'], name: 'Manager 4', active: true },
    ]);
    // Lowered to rep after the round opened: still listed, but may not decide.
    await setUser('manager3', { role: 'rep' });
    try {
      expect((await call('manager3', 'POST', `/api/v1/approvals/quotes/${id}/approve`, { round: 1 })).json()).toMatchObject({ statusCode: 403, code: 'APPROVALS.APPROVER_NOT_ELIGIBLE' });
      expect((await call('manager3', 'POST', `/api/v1/approvals/quotes/${id}/request-changes`, { round: 1, notes: 'x' })).json()).toMatchObject({ statusCode: 403, code: 'APPROVALS.APPROVER_NOT_ELIGIBLE' });
      expect((await page(id, 'manager3')).json()).toMatchObject({ statusCode: 403, code: 'APPROVALS.APPROVER_NOT_ELIGIBLE' });
    } finally {
      await setUser('manager3', { role: 'manager' });
    }
    // Deactivated after the round opened: the session is refused (401); a decision that gets past
    // it (an open request, a token resolved a moment earlier) is refused by the approvals check.
    await setUser('manager4', { active: false });
    expect((await call('manager4', 'POST', `/api/v1/approvals/quotes/${id}/approve`, { round: 1 })).statusCode).toBe(401);
    const stillSignedIn: Caller = { userId: ids['manager4'], email: 'manager4@example.com', name: 'Manager 4', role: 'manager', via: 'session' };
    await expect(RequestContext.create(system.api.app.get(MikroORM).em.fork(), () => system.api.app.get(CommandBus).execute(new DecideApprovalCommand(stillSignedIn, id, 1, 'approve', null)))).rejects.toMatchObject({
      code: 'APPROVALS.APPROVER_NOT_ELIGIBLE',
    });
    const shown = (await page(id)).json<Page>();
    expect([shown.current.status, shown.approvers]).toEqual([
      'pending',
      [
        { id: ids['manager3'], name: 'Manager 3', active: true },
        { id: ids['manager4'], name: 'Manager 4', active: false },
      ],
    ]);
    expect((await db.query(`select decisions from approvals_request where quote_id = $1`, [id])).rows).toEqual([{ decisions: [] }]);
    // The rep takes the quote back; submitted again, the deactivated approver is left out.
    expect((await call('rep', 'POST', `/api/v1/quotes/${id}/withdraw`, { version: (await quote(id)).version })).json()).toMatchObject({ status: 'draft' });
    await submit(id);
    expect((await roundOpen(id, 2)).current.approverIds).toEqual([ids['manager3']]);
    await setUser('manager4', { active: true });
  });

  it('lets the owner or an admin withdraw a Pending approval quote to Draft; the round closes at once and a new submit opens a new one', async () => {
    await system.startWorker();
    await settings({ requireApproval: true, defaultApproverId: ids['manager'], rules: [] });
    const id = await create();
    await submit(id);
    await roundOpen(id, 1);
    const version = (await quote(id)).version;
    expect((await call('rep2', 'POST', `/api/v1/quotes/${id}/withdraw`, { version })).json()).toMatchObject({ statusCode: 404, code: 'QUOTES.NOT_FOUND' });
    expect((await call('manager', 'POST', `/api/v1/quotes/${id}/withdraw`, { version })).json()).toMatchObject({ statusCode: 403, code: 'QUOTES.NOT_OWNER' });
    expect((await call('rep', 'POST', `/api/v1/quotes/${id}/withdraw`, { version: version - 1 })).json()).toMatchObject({ statusCode: 409, code: 'QUOTES.STALE_VERSION' });
    // Pending approval: not editable, associations and line items included.
    expect((await call('rep', 'PUT', `/api/v1/quotes/${id}`, { ...body({ lineItems: [] }), version })).json()).toMatchObject({ statusCode: 409, code: 'QUOTES.NOT_EDITABLE' });
    expect((await call('admin', 'PUT', `/api/v1/quotes/${id}`, { ...body({ dealId: null }), version })).json()).toMatchObject({ statusCode: 409, code: 'QUOTES.NOT_EDITABLE' });

    const withdrawn = await call('rep', 'POST', `/api/v1/quotes/${id}/withdraw`, { version });
    expect(withdrawn.json()).toMatchObject({ status: 'draft', version: version + 1, sharePath: null });
    expect((await page(id)).json<Page>().current.status).toBe('cancelled');
    expect((await call('manager', 'POST', `/api/v1/approvals/quotes/${id}/approve`, { round: 1 })).json()).toMatchObject({ statusCode: 409 });
    expect((await call('rep', 'POST', `/api/v1/quotes/${id}/withdraw`, { version: version + 1 })).json()).toMatchObject({ statusCode: 409, code: 'QUOTES.INVALID_TRANSITION' });
    const history = (await quote(id))['history'] as Array<{ status: string; previousStatus: string | null; by: string }>;
    expect(history.at(-1)).toMatchObject({ status: 'draft', previousStatus: 'pending_approval', by: ids['rep'] });

    await submit(id);
    await roundOpen(id, 2);
    expect((await quote(id)).status).toBe('pending_approval');
    // An admin may withdraw a rep's quote too.
    expect((await call('admin', 'POST', `/api/v1/quotes/${id}/withdraw`, { version: (await quote(id)).version })).json()).toMatchObject({ status: 'draft' });
    await waitUntil(async () => (await page(id)).json<Page>().current.status === 'cancelled', { timeoutMs: 20_000 });
  });

  const APPROVAL_SET = 'quote-approvals-v1';
  const WITHDRAWN_WORKFLOW = 'When a quote is withdrawn from approval';
  const STEP_WORKFLOW = 'When an approval step starts';
  /** The set's workflows: need approval, step starts, changes requested, approved, withdrawn, out of office, reassigned, reminded, escalated. */
  const SET_SIZE = 9;
  const approvalWorkflows = async () =>
    (await call('admin', 'GET', '/api/v1/workflows')).json<{ items: Array<{ id: string; name: string; enabled: boolean; setKey: string | null }> }>().items.filter((w) => w.setKey === APPROVAL_SET);
  const tasksOf = async (who: string, id: string, status: 'open' | 'completed') =>
    (await call(who, 'GET', `/api/v1/tasks?status=${status}&relatedType=quote&relatedId=${id}`)).json<{ items: Array<{ id: string; title: string; status: string; createdByType: string }> }>().items;
  const properties = async (id: string) =>
    (await call('rep', 'GET', `/api/v1/records/quote/${id}/properties`)).json<{
      properties: Array<{ name: string; value: unknown; updatedBy: string | null }>;
      history: Array<{ name: string; value: unknown; previousValue: unknown; changedBy: string | null }>;
    }>();
  const property = async (id: string, name: string) => (await properties(id)).properties.find((p) => p.name === name)?.value ?? null;

  it("closes the approver's task and sets approval_status to Withdrawn when the rep withdraws; a new submit makes it Pending approval again", async () => {
    await system.startWorker();
    await settings({ requireApproval: true, defaultApproverId: ids['manager'], rules: [] });
    await waitUntil(async () => (await approvalWorkflows()).some((w) => w.name === WITHDRAWN_WORKFLOW && w.enabled), { timeoutMs: 20_000, describe: async () => JSON.stringify(await approvalWorkflows()) });
    const id = await create('rep', { title: 'Withdrawn from approval' });
    await submit(id);
    await roundOpen(id, 1);
    const [task] = await waitUntil(async () => ((await tasksOf('manager', id, 'open')).length ? tasksOf('manager', id, 'open') : null), { timeoutMs: 20_000 });
    expect(task).toMatchObject({ message: { code: 'approvals.reviewQuote', params: { number: (await quote(id))['number'], title: 'Withdrawn from approval' } }, status: 'open', createdByType: 'workflow' });
    await waitUntil(async () => (await property(id, 'approval_status')) === 'pending_approval', { timeoutMs: 20_000 });

    expect((await call('rep', 'POST', `/api/v1/quotes/${id}/withdraw`, { version: (await quote(id)).version })).json()).toMatchObject({ status: 'draft' });
    await waitUntil(async () => (await property(id, 'approval_status')) === 'withdrawn' && (await tasksOf('manager', id, 'open')).length === 0, {
      timeoutMs: 20_000,
      describe: async () => JSON.stringify({ properties: (await properties(id)).properties, open: await tasksOf('manager', id, 'open') }),
    });
    expect((await tasksOf('manager', id, 'completed')).map((t) => [t.id, t.status])).toEqual([[task.id, 'completed']]);
    const withdrawnWorkflow = (await approvalWorkflows()).find((w) => w.name === WITHDRAWN_WORKFLOW);
    expect((await properties(id)).history.filter((h) => h.name === 'approval_status').map((h) => [h.previousValue, h.value, h.changedBy])).toContainEqual([
      'pending_approval',
      'withdrawn',
      `workflow:${withdrawnWorkflow?.id}`,
    ]);

    // Submitted again: a new round, a new task, Pending approval again.
    await submit(id);
    await roundOpen(id, 2);
    await waitUntil(async () => (await property(id, 'approval_status')) === 'pending_approval' && (await tasksOf('manager', id, 'open')).length === 1, { timeoutMs: 20_000 });
    expect((await tasksOf('manager', id, 'open'))[0].id).not.toBe(task.id);
  });

  it('saving the settings where only the first three approval workflows are installed adds the missing ones and duplicates none', async () => {
    await system.startWorker();
    await settings({ requireApproval: true, defaultApproverId: ids['manager'], rules: [] });
    await waitUntil(async () => (await approvalWorkflows()).length === SET_SIZE, { timeoutMs: 20_000 });
    // Earlier tests installed the whole set already: wait until this save has been handled too.
    await system.waitUntilQuiet();
    // An installation from before the withdrawn and the step workflows: approval on, all but those two.
    await db.query(`delete from workflows_workflow where set_key = $1 and name = any($2)`, [APPROVAL_SET, [WITHDRAWN_WORKFLOW, STEP_WORKFLOW]]);
    const three = (await approvalWorkflows()).map((w) => [w.id, w.name]).sort();
    expect(three).toHaveLength(SET_SIZE - 2);

    await settings({ requireApproval: true, defaultApproverId: ids['manager'], rules: [] });
    await waitUntil(async () => (await approvalWorkflows()).length === SET_SIZE, { timeoutMs: 20_000, describe: async () => JSON.stringify(await approvalWorkflows()) });
    const five = await approvalWorkflows();
    expect(five.map((w) => [w.name, w.enabled]).sort()).toEqual([
      [WITHDRAWN_WORKFLOW, true],
      ['When an approval step is escalated', true],
      ['When an approval step is reassigned', true],
      [STEP_WORKFLOW, true],
      ['When an approver is out of office', true],
      ['When approvers are reminded', true],
      ['When changes are requested on a quote', true],
      ['When quotes are approved', true],
      ['When quotes need approval', true],
    ]);
    expect(five.filter((w) => w.name !== WITHDRAWN_WORKFLOW && w.name !== STEP_WORKFLOW).map((w) => [w.id, w.name]).sort()).toEqual(three);
    // Saved once more, and handled by the workflows context: still the same ones.
    await settings({ requireApproval: true, defaultApproverId: ids['manager'], rules: [] });
    const latest = (await db.query(`select id from messaging_outbox where name = 'approvals.settings.changed.v1' order by occurred_at desc, id desc limit 1`)).rows[0].id as string;
    await waitUntil(async () => (await db.query(`select 1 from messaging_inbox where event_id = $1 and subscriber = 'workflows'`, [latest])).rowCount === 1, { timeoutMs: 20_000 });
    expect((await approvalWorkflows()).map((w) => w.id).sort()).toEqual(five.map((w) => w.id).sort());
  });

  it('decides no round on stale data: a pending round of a quote that moved on is refused', async () => {
    await system.startWorker();
    await settings({ requireApproval: true, defaultApproverId: ids['manager'], rules: [] });
    const id = await create();
    await submit(id);
    await roundOpen(id, 1);
    await call('rep', 'POST', `/api/v1/quotes/${id}/withdraw`, { version: (await quote(id)).version });
    // As if the round had not been closed yet (the withdrawn event still on its way): once the
    // worker has handled that event, the round is set back to pending.
    const handled = async () =>
      (
        await db.query(
          `select 1 from messaging_inbox i join messaging_outbox o on o.id = i.event_id where o.aggregate_id = $1 and o.name = 'quotes.quote.withdrawn.v1' and i.subscriber = 'approvals'`,
          [id],
        )
      ).rowCount === 1;
    await waitUntil(handled, { timeoutMs: 20_000 });
    await db.query(`update approvals_request set status = 'pending', decided_at = null where quote_id = $1`, [id]);
    expect((await page(id, 'manager')).json<Page>().canDecide).toBe(false);
    expect((await call('manager', 'POST', `/api/v1/approvals/quotes/${id}/approve`, { round: 1 })).json()).toMatchObject({ statusCode: 409, code: 'APPROVALS.ROUND_CLOSED', details: { quoteStatus: 'draft' } });
    expect((await call('manager', 'POST', `/api/v1/approvals/quotes/${id}/request-changes`, { round: 1, notes: 'x' })).json()).toMatchObject({ statusCode: 409, code: 'APPROVALS.ROUND_CLOSED' });
    expect(await quote(id)).toMatchObject({ status: 'draft' });
  });

  describe('CRM records a rep may attach', () => {
    const crm: Record<string, string> = {};
    beforeAll(async () => {
      const post = async (who: string, url: string, payload: Json) => {
        const response = await call(who, 'POST', url, payload);
        expect(response.statusCode).toBe(201);
        return response.json<{ id: string }>().id;
      };
      crm['privateCompany'] = await post('rep2', '/api/v1/crm/companies', { name: 'Remy Private BV' });
      crm['privateContact'] = await post('rep2', '/api/v1/crm/contacts', { name: 'Pia Private', email: 'pia@private.example', companyId: crm['privateCompany'] });
      crm['privateDeal'] = await post('rep2', '/api/v1/crm/deals', { name: 'Remy private deal', amount: '100.00', currency: 'EUR', stage: 'qualified_to_buy', companyId: crm['privateCompany'] });
      crm['ownCompany'] = await post('rep', '/api/v1/crm/companies', { name: 'Rita Own BV' });
      crm['ownContact'] = await post('rep', '/api/v1/crm/contacts', { name: 'Otto Own', email: 'otto@own.example', companyId: crm['ownCompany'] });
      crm['ownDeal'] = await post('rep', '/api/v1/crm/deals', { name: 'Rita own deal', amount: '100.00', currency: 'EUR', stage: 'qualified_to_buy', companyId: crm['ownCompany'] });
      // An admin's contact is shared.
      crm['sharedContact'] = await post('admin', '/api/v1/crm/contacts', { name: 'Sam Shared', email: 'sam@shared.example', companyId: null });
    });
    const missing = '01a218c8-cf57-701d-b9e5-000000000000';

    it("refuses another rep's deal, company or contact exactly as one that does not exist (422 naming the field), on create and edit", async () => {
      const cases: Array<[string, Json]> = [
        ['dealId', { dealId: crm['privateDeal'] }],
        ['dealId', { dealId: missing }],
        ['companyId', { dealId: crm['ownDeal'], companyId: crm['privateCompany'] }],
        ['companyId', { dealId: crm['ownDeal'], companyId: missing }],
        ['recipientContactIds', { dealId: crm['ownDeal'], recipientContactIds: [crm['ownContact'], crm['privateContact']] }],
        ['recipientContactIds', { dealId: crm['ownDeal'], recipientContactIds: [missing] }],
      ];
      const draft = await create('rep', { dealId: crm['ownDeal'], companyId: crm['ownCompany'], recipientContactIds: [crm['ownContact'], crm['sharedContact']] });
      for (const [field, overrides] of cases) {
        const created = await call('rep', 'POST', '/api/v1/quotes', body(overrides));
        expect([field, created.json()]).toEqual([field, expect.objectContaining({ statusCode: 422, code: 'QUOTES.UNKNOWN_REFERENCE', details: { fields: [expect.objectContaining({ field })] } })]);
        const edited = await call('rep', 'PUT', `/api/v1/quotes/${draft}`, { ...body(overrides), version: 1 });
        expect([field, edited.json()]).toEqual([field, expect.objectContaining({ statusCode: 422, code: 'QUOTES.UNKNOWN_REFERENCE', details: { fields: [expect.objectContaining({ field })] } })]);
      }
      expect(await quote(draft)).toMatchObject({ version: 1, dealId: crm['ownDeal'], recipientContactIds: [crm['ownContact'], crm['sharedContact']] });
      // Managers and admins see every record.
      expect((await call('manager', 'POST', '/api/v1/quotes', body({ dealId: crm['privateDeal'], recipientContactIds: [crm['privateContact']] }))).statusCode).toBe(201);
    });

    it("neither lists another rep's records to a rep nor lets them build on them", async () => {
      const names = async (who: string, url: string) => (await call(who, 'GET', url)).json<{ items: Array<{ id: string }> }>().items.map((r) => r.id);
      expect(await names('rep', '/api/v1/crm/deals')).not.toContain(crm['privateDeal']);
      expect(await names('rep', `/api/v1/crm/deals?ownerId=${ids['rep2']}`)).toEqual([]);
      expect(await names('rep', '/api/v1/crm/companies')).not.toContain(crm['privateCompany']);
      expect(await names('rep', '/api/v1/crm/contacts')).toEqual(expect.arrayContaining([crm['ownContact'], crm['sharedContact']]));
      expect(await names('rep', '/api/v1/crm/contacts')).not.toContain(crm['privateContact']);
      expect(await names('rep', `/api/v1/crm/contacts?companyId=${crm['privateCompany']}`)).toEqual([]);
      expect(await names('manager', '/api/v1/crm/deals')).toEqual(expect.arrayContaining([crm['privateDeal'], crm['ownDeal']]));
      // A company a manager adds is shared: every rep sees it and may build on it.
      const shared = (await call('manager', 'POST', '/api/v1/crm/companies', { name: 'Team Shared BV' })).json<{ id: string }>().id;
      expect(await names('rep', '/api/v1/crm/companies')).toEqual(expect.arrayContaining([shared, crm['ownCompany']]));
      expect((await call('rep', 'POST', '/api/v1/quotes', body({ dealId: crm['ownDeal'], companyId: shared }))).statusCode).toBe(201);
      for (const [url, payload] of [
        ['/api/v1/crm/contacts', { name: 'Sneaky', email: 'sneaky@example.org', companyId: crm['privateCompany'] }],
        ['/api/v1/crm/deals', { name: 'Sneaky', amount: '1.00', currency: 'EUR', stage: 'qualified_to_buy', companyId: crm['privateCompany'] }],
      ] as const) {
        expect((await call('rep', 'POST', url, payload)).json()).toMatchObject({ statusCode: 422, code: 'CRM.UNKNOWN_REFERENCE', details: { fields: [{ field: 'companyId' }] } });
      }
    });
  });
});
