import { MikroORM, RequestContext } from '@mikro-orm/core';
import { CommandBus } from '@nestjs/cqrs';
import { CreateUserCommand } from '@qa/identity-application';
import { waitUntil } from '@qa/shared-testing';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiWithWorker } from '../testing/api-with-worker';

type Json = Record<string, unknown>;
type Activity = { kind: string; step: number; from: string | null; to: string | null; by: string | null; note: string | null; reason: string | null; at: string };
type Approver = { userId: string; state: string; decidedBy?: string };
type Group = { mode: string; state: string; notes: Json[]; approvers: Approver[] };
type Round = { round: number; status: string; approverIds: string[]; currentApproverIds: string[]; route: { currentStep: number | null; steps: Array<{ state: string; groups: Group[] }> }; decisions: Json[]; activity: Activity[] };
type Page = { current: Round; canDecide: boolean; decidesFor: string | null; outOfOffice: Json[]; mayReassign: string[]; reminder: { retryAt: string | null } | null };
type Task = { assigneeId: string; status: string; notes: string; message: { code: string } | null };

const PASSWORD = 'long-enough-password-1';
const HOUR = 3_600_000;
// API and worker take "now" from a clock the test moves, starting a week ago (on the hour).
const START = new Date(Math.floor(Date.now() / HOUR) * HOUR - 7 * 24 * HOUR).toISOString();

/**
 * Approvals over time and people, API + worker on PostgreSQL and Redis with a moved clock (no
 * sleeps): out-of-office delegations that open and close by the clock, refused loops, reassigning a
 * step's place (by its approver, by an admin; nobody else), the rep's reminder and its cooldown,
 * and an approver deactivated while their step is open (the fallback approver takes it).
 */
describe('delegation, reassignment, reminders and fallback (API + worker, moved clock)', () => {
  const system = new ApiWithWorker({ name: 'appr-deleg', users: ['rep', 'rep2', 'manager', 'admin'], clockStart: START });
  const { call, ids } = system;
  const people = ['dana', 'erik', 'fred', 'gina'];
  let db: Client;
  let dealId: string;

  /** Everyone logs in again (after the clock moved past their sessions' lifetime). */
  const logInAgain = async () => {
    for (const who of ['rep', 'rep2', 'manager', 'admin']) await system.logIn(who);
    for (const who of people) await system.logIn(who, PASSWORD);
  };
  const advance = async (ms: number) => {
    system.advanceClock(ms);
    await logInAgain();
  };
  /** One rule for every quote: these steps of groups (user ids); the admin is the fallback approver unless told otherwise. */
  const policy = async (steps: Array<Array<{ mode: 'any' | 'all'; users: string[] }>>, extra: Json = {}) => {
    const version = (await call('admin', 'GET', '/api/v1/approvals/settings')).json<{ version: number }>().version;
    const saved = await call('admin', 'PUT', '/api/v1/approvals/settings', {
      requireApproval: false,
      defaultApproverId: ids['admin'],
      rules: [{ name: 'Everything', when: [], firstMatchOnly: false, route: steps.map((groups) => ({ groups: groups.map((g) => ({ mode: g.mode, approvers: g.users.map((userId) => ({ kind: 'user', userId })) })) })) }],
      version: version || undefined,
      ...extra,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await system.approvalWorkflowsInstalled();
    return saved;
  };

  beforeAll(async () => {
    await system.start();
    db = new Client({ connectionString: system.api.database.url });
    await db.connect();
    await RequestContext.create(system.api.app.get(MikroORM).em.fork(), async () => {
      for (const who of people) await system.api.app.get(CommandBus).execute(new CreateUserCommand(`${who}@example.com`, who[0]!.toUpperCase() + who.slice(1), 'rep', PASSWORD));
    });
    for (const who of people) {
      await system.logIn(who, PASSWORD);
      expect((await call('admin', 'PATCH', `/api/v1/users/${ids[who]}`, { role: 'manager' })).statusCode).toBe(200);
    }
    dealId = await system.createDeal('People');
  });
  afterAll(async () => {
    await db?.end();
    await system.stop();
  });

  const quote = async (id: string) => (await call('rep', 'GET', `/api/v1/quotes/${id}`)).json<{ status: string; version: number; number: string }>();
  const page = (id: string, who: string) => call(who, 'GET', `/api/v1/approvals/quotes/${id}`);
  /** A quote of the rep's, submitted now; the approval page (as the admin) once its round is open. */
  const submitted = async (title: string) => {
    const created = await call('rep', 'POST', '/api/v1/quotes', { title, dealId, expiresOn: '2099-12-31', lineItems: [{ productName: 'Design', quantity: 1, unitPrice: '1500.00' }] });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    expect((await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: (await quote(id)).version })).json()).toMatchObject({ status: 'pending_approval' });
    await waitUntil(async () => ((await page(id, 'admin')).statusCode === 200 ? true : null), { timeoutMs: 20_000, describe: async () => (await page(id, 'admin')).body });
    return id;
  };
  const current = async (id: string) => (await page(id, 'admin')).json<Page>().current;
  const approve = (who: string, id: string) => call(who, 'POST', `/api/v1/approvals/quotes/${id}/approve`, { round: 1 });
  const delegate = (who: string, body: Json) => call(who, 'POST', '/api/v1/approvals/delegations', body);
  const iso = (ms: number) => new Date(system.now().getTime() + ms).toISOString();
  const tasks = async (id: string) =>
    (await call('admin', 'GET', `/api/v1/tasks?assignee=anyone&relatedType=quote&relatedId=${id}`)).json<{ items: Task[] }>().items.map((t) => [t.assigneeId, t.status, t.message?.code ?? '', t.notes]);
  const untilTask = (id: string, expected: [string, string, string, string]) =>
    waitUntil(async () => ((await tasks(id)).some((t) => JSON.stringify(t) === JSON.stringify(expected)) ? true : null), {
      timeoutMs: 20_000,
      // On a timeout: the quote's tasks, and its workflow runs step by step.
      describe: async () => JSON.stringify([await tasks(id), (await db.query('select r.workflow_name, s.index, s.action_key, s.status, s.error from workflows_run r join workflows_run_step s on s.run_id = r.id where r.record_id = $1', [id])).rows]),
    });
  const outbox = async (name: string, quoteId: string) =>
    (await db.query<{ payload: Json }>("select payload from messaging_outbox where name = $1 and payload->>'quoteId' = $2 order by id", [name, quoteId])).rows.map((r) => r.payload);
  const fields = (response: { json<T>(): T }) => response.json<{ details?: { fields?: Array<{ field: string }> } }>().details?.fields?.map((f) => f.field);

  it('opens and closes a delegation by the clock: the delegate decides on behalf of the approver inside the window, not after', async () => {
    await policy([[{ mode: 'any', users: [ids['manager']!] }]]);
    const planned = await delegate('manager', { delegateId: ids['dana'], startsAt: iso(HOUR), endsAt: iso(24 * HOUR), note: 'Conference' });
    expect(planned.statusCode, planned.body).toBe(201);
    expect(planned.json()).toMatchObject({ approverId: ids['manager'], delegateId: ids['dana'], note: 'Conference', state: 'planned', createdBy: ids['manager'] });

    // Before the window: the round asks the manager, and Dana may neither look nor decide.
    const early = await submitted('Before the window');
    expect((await current(early)).activity).toEqual([]);
    expect((await page(early, 'dana')).json()).toMatchObject({ statusCode: 403, code: 'APPROVALS.NOT_AN_APPROVER' });
    expect((await approve('dana', early)).json()).toMatchObject({ statusCode: 403, code: 'APPROVALS.NOT_AN_APPROVER' });

    // Inside the window: Dana sees the round, decides in the manager's place, and the record says so.
    await advance(2 * HOUR);
    expect((await call('manager', 'GET', '/api/v1/approvals/delegations')).json<{ items: Json[] }>().items).toMatchObject([{ delegateId: ids['dana'], state: 'active' }]);
    const asDana = (await page(early, 'dana')).json<Page>();
    expect([asDana.canDecide, asDana.decidesFor, asDana.outOfOffice]).toEqual([true, ids['manager'], [{ approverId: ids['manager'], standInId: ids['dana'], kind: 'delegated' }]]);
    // A round opened now asks Dana at once: the opened event names her, the step's activity says why, she has the review task.
    const during = await submitted('During the window');
    expect((await current(during)).activity).toMatchObject([{ kind: 'delegated', step: 0, from: ids['manager'], to: ids['dana'], by: null, reason: 'out-of-office' }]);
    expect((await outbox('approvals.request.opened.v1', during)).map((p) => p['approverIds'])).toEqual([[ids['dana']]]);
    await untilTask(during, [ids['dana']!, 'open', 'approvals.reviewQuote', '']);

    const decided = await approve('dana', early);
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json<Round>()).toMatchObject({
      status: 'approved',
      decisions: [{ approverId: ids['dana'], onBehalfOf: ids['manager'], decision: 'approve' }],
      route: { steps: [{ groups: [{ approvers: [{ userId: ids['manager'], state: 'approved', decidedBy: ids['dana'] }] }] }] },
    });
    await waitUntil(async () => ((await quote(early)).status === 'published' ? true : null), { timeoutMs: 20_000 });

    // After the window (it ends by itself): Dana decides nothing more; the manager still can.
    await advance(23 * HOUR);
    expect((await approve('dana', during)).json()).toMatchObject({ statusCode: 403, code: 'APPROVALS.NOT_AN_APPROVER' });
    expect((await call('manager', 'GET', '/api/v1/approvals/delegations?includePast=true')).json<{ items: Json[] }>().items).toMatchObject([{ state: 'over' }]);
    expect((await approve('manager', during)).json<Round>()).toMatchObject({ status: 'approved', decisions: [{ approverId: ids['manager'] }] });
  });

  it('moves open steps to a delegate made while it holds; refuses loops, overlaps, bad windows and other people’s delegations', async () => {
    await policy([[{ mode: 'any', users: [ids['erik']!] }]]);
    const open = await submitted('Open when Erik leaves');
    const made = await delegate('erik', { delegateId: ids['fred'], endsAt: iso(48 * HOUR) });
    expect(made.json()).toMatchObject({ state: 'active', startsAt: system.now().toISOString() });
    expect((await current(open)).activity).toMatchObject([{ kind: 'delegated', from: ids['erik'], to: ids['fred'], reason: 'out-of-office' }]);
    expect((await outbox('approvals.request.delegated.v1', open)).map((p) => [p['approverIds'], (p['activity'] as Activity).to])).toEqual([[[ids['fred']], ids['fred']]]);
    await untilTask(open, [ids['fred']!, 'open', 'approvals.reviewQuoteDelegated', '']);

    const loop = await delegate('fred', { delegateId: ids['erik'], startsAt: iso(HOUR), endsAt: iso(5 * HOUR) });
    expect([loop.statusCode, loop.json<Json>()['code'], fields(loop)]).toEqual([422, 'APPROVALS.DELEGATION_LOOP', ['delegateId']]);
    // Fred may hand on to Erik once Erik is back.
    expect((await delegate('fred', { delegateId: ids['erik'], startsAt: iso(48 * HOUR), endsAt: iso(50 * HOUR) })).statusCode).toBe(201);
    expect((await delegate('erik', { delegateId: ids['gina'], startsAt: iso(24 * HOUR), endsAt: iso(72 * HOUR) })).json()).toMatchObject({ statusCode: 422, code: 'APPROVALS.DELEGATION_OVERLAPS' });
    const past = await delegate('gina', { delegateId: ids['dana'], startsAt: iso(-5 * HOUR), endsAt: iso(-HOUR) });
    expect([past.statusCode, fields(past)]).toEqual([422, ['endsAt']]);
    const self = await delegate('gina', { delegateId: ids['gina'], endsAt: iso(HOUR) });
    expect([self.statusCode, fields(self)]).toEqual([422, ['delegateId']]);
    const toRep = await delegate('gina', { delegateId: ids['rep'], endsAt: iso(HOUR) });
    expect([toRep.statusCode, fields(toRep)]).toEqual([422, ['delegateId']]);
    const shapeless = await delegate('gina', { delegateId: 'nobody', endsAt: 'tomorrow', extra: 1 });
    expect(shapeless.statusCode).toBe(400);
    expect(new Set(fields(shapeless))).toEqual(new Set(['delegateId', 'endsAt', 'extra']));
    // Only the approver or an admin: a rep is refused by role, another manager by whose it is.
    expect((await delegate('rep', { delegateId: ids['dana'], endsAt: iso(HOUR) })).statusCode).toBe(403);
    expect((await delegate('gina', { approverId: ids['dana'], delegateId: ids['erik'], endsAt: iso(HOUR) })).json()).toMatchObject({ statusCode: 403, code: 'APPROVALS.DELEGATION_NOT_YOURS' });
    expect((await call('gina', 'GET', `/api/v1/approvals/delegations?approverId=${ids['erik']}`)).statusCode).toBe(403);
    const forDana = await delegate('admin', { approverId: ids['dana'], delegateId: ids['gina'], startsAt: iso(72 * HOUR), endsAt: iso(80 * HOUR) });
    expect(forDana.json()).toMatchObject({ approverId: ids['dana'], createdBy: ids['admin'], state: 'planned' });
    expect((await call('gina', 'DELETE', `/api/v1/approvals/delegations/${forDana.json<{ id: string }>().id}`)).json()).toMatchObject({ statusCode: 403, code: 'APPROVALS.DELEGATION_NOT_YOURS' });

    // Erik is back early: cancelling ends it now, and Fred decides nothing more for him.
    const cancelled = await call('erik', 'DELETE', `/api/v1/approvals/delegations/${made.json<{ id: string }>().id}`);
    expect(cancelled.json()).toMatchObject({ state: 'cancelled', cancelledAt: system.now().toISOString() });
    expect((await approve('fred', open)).json()).toMatchObject({ statusCode: 403, code: 'APPROVALS.NOT_AN_APPROVER' });
    expect((await approve('erik', open)).statusCode).toBe(200);
  });

  it('reassigns a place: by its approver, by an admin; other roles and people are refused', async () => {
    await policy([[{ mode: 'all', users: [ids['manager']!, ids['dana']!] }]]);
    const id = await submitted('Handed on');
    const reassign = (who: string, body: Json) => call(who, 'POST', `/api/v1/approvals/quotes/${id}/reassign`, { round: 1, ...body });
    expect((await reassign('rep', { from: ids['manager'], to: ids['gina'], note: 'x' })).statusCode).toBe(403);
    expect((await reassign('gina', { from: ids['manager'], to: ids['gina'], note: 'x' })).json()).toMatchObject({ statusCode: 403, code: 'APPROVALS.NOT_AN_APPROVER' });
    expect((await reassign('dana', { from: ids['manager'], to: ids['gina'], note: 'x' })).json()).toMatchObject({ statusCode: 403, code: 'APPROVALS.NOT_YOUR_PLACE' });
    const toOwner = await reassign('manager', { from: ids['manager'], to: ids['rep'], note: 'x' });
    expect([toOwner.statusCode, toOwner.json<Json>()['code'], fields(toOwner)]).toEqual([422, 'APPROVALS.INVALID_REASSIGNMENT', ['to']]);
    expect(fields(await reassign('manager', { from: ids['manager'], to: ids['dana'], note: 'x' }))).toEqual(['to']);
    const noNote = await reassign('manager', { from: ids['manager'], to: ids['gina'], note: '' });
    expect([noNote.statusCode, fields(noNote)]).toEqual([400, ['note']]);
    expect((await page(id, 'manager')).json<Page>().mayReassign).toEqual([ids['manager']]);

    const moved = await reassign('manager', { from: ids['manager'], to: ids['gina'], note: 'I am on the road this week' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<Round>()).toMatchObject({
      currentApproverIds: [ids['gina'], ids['dana']],
      activity: [{ kind: 'reassigned', step: 0, from: ids['manager'], to: ids['gina'], by: ids['manager'], note: 'I am on the road this week', reason: null }],
    });
    await untilTask(id, [ids['gina']!, 'open', 'approvals.reviewQuoteReassigned', 'I am on the road this week']);
    expect((await approve('manager', id)).json()).toMatchObject({ statusCode: 409, code: 'APPROVALS.ALREADY_DECIDED' });

    expect((await page(id, 'admin')).json<Page>().mayReassign).toEqual([ids['gina'], ids['dana']]);
    const byAdmin = await reassign('admin', { from: ids['dana'], to: ids['fred'], note: 'Dana moved to another team' });
    expect(byAdmin.json<Round>()).toMatchObject({ currentApproverIds: [ids['gina'], ids['fred']], activity: [{ by: ids['manager'] }, { from: ids['dana'], to: ids['fred'], by: ids['admin'] }] });
    expect((await approve('gina', id)).json<Round>().status).toBe('pending');
    expect((await approve('fred', id)).json<Round>().status).toBe('approved');
    expect((await reassign('admin', { from: ids['gina'], to: ids['erik'], note: 'late' })).json()).toMatchObject({ statusCode: 409, code: 'APPROVALS.ALREADY_DECIDED' });
  });

  it("lets the rep remind the step's approvers once per cooldown, counted by the clock", async () => {
    await policy([[{ mode: 'any', users: [ids['manager']!] }]]);
    const id = await submitted('Waiting long');
    const remind = (who: string) => call(who, 'POST', `/api/v1/approvals/quotes/${id}/remind`, { round: 1 });
    const asRep = (await page(id, 'rep')).json<Page>();
    expect([asRep.canDecide, asRep.reminder]).toEqual([false, { retryAt: null }]);
    const sent = await remind('rep');
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json<Round>().activity).toEqual([{ kind: 'reminded', step: 0, from: null, to: null, by: ids['rep'], note: null, reason: null, at: system.now().toISOString() }]);
    expect((await outbox('approvals.request.reminded.v1', id)).map((p) => p['approverIds'])).toEqual([[ids['manager']]]);
    const number = (await quote(id)).number;
    await waitUntil(
      async () => {
        const items = (await call('manager', 'GET', '/api/v1/notifications')).json<{ items: Array<{ message: { code: string; params: Json } | null }> }>().items;
        return items.some((n) => n.message?.code === 'approvals.approvalReminder' && n.message.params['number'] === number) ? true : null;
      },
      { timeoutMs: 20_000 },
    );

    const retryAt = iso(24 * HOUR);
    expect((await remind('rep')).json()).toMatchObject({ statusCode: 429, code: 'APPROVALS.REMINDER_TOO_SOON', details: { reason: 'reminder-too-soon', retryAt } });
    expect((await page(id, 'rep')).json<Page>().reminder).toEqual({ retryAt });
    expect((await remind('manager')).json()).toMatchObject({ statusCode: 403, code: 'APPROVALS.NOT_YOURS_TO_REMIND' });
    expect((await remind('rep2')).json()).toMatchObject({ statusCode: 404, code: 'APPROVALS.NOT_FOUND' });

    // The cooldown is a setting (whole hours, 1 to 168).
    await policy([[{ mode: 'any', users: [ids['manager']!] }]], { reminderCooldownHours: 2 });
    const version = (await call('admin', 'GET', '/api/v1/approvals/settings')).json<{ version: number; reminderCooldownHours: number }>();
    expect(version.reminderCooldownHours).toBe(2);
    const bad = await call('admin', 'PUT', '/api/v1/approvals/settings', { requireApproval: false, defaultApproverId: ids['admin'], rules: [], reminderCooldownHours: 0, version: version.version });
    expect([bad.statusCode, fields(bad)]).toEqual([422, ['reminderCooldownHours']]);
    await advance(HOUR);
    expect((await remind('rep')).statusCode).toBe(429);
    await advance(HOUR);
    expect((await remind('rep')).json<Round>().activity.map((a) => a.kind)).toEqual(['reminded', 'reminded']);
  });

  it('gives the open places of an approver deactivated meanwhile to the fallback approver, or leaves them unresolved for an admin to reassign', async () => {
    await policy([[{ mode: 'any', users: [ids['gina']!] }], [{ mode: 'all', users: [ids['manager']!, ids['gina']!] }]]);
    const id = await submitted('Gina leaves');
    expect((await call('admin', 'POST', `/api/v1/users/${ids['gina']}/deactivate`)).statusCode).toBe(200);
    const changed = await waitUntil(async () => ((await current(id)).activity.length === 2 ? current(id) : null), { timeoutMs: 20_000, describe: async () => JSON.stringify((await current(id)).activity) });
    expect(changed.activity).toMatchObject([
      { kind: 'fallback', step: 0, from: ids['gina'], to: ids['admin'], by: null, reason: 'inactive' },
      { kind: 'fallback', step: 1, from: ids['gina'], to: null, by: null, reason: 'inactive' },
    ]);
    expect(changed.route.steps.map((s) => s.groups.map((g) => [g.approvers.map((a) => a.userId), g.notes]))).toEqual([
      [[[ids['admin']], [{ code: 'fallback', because: 'inactive', to: ids['admin'] }]]],
      [[[ids['manager']], []]],
    ]);
    expect((await page(id, 'admin')).json<Page>().canDecide).toBe(true);
    expect((await approve('admin', id)).json<Round>()).toMatchObject({ status: 'pending', currentApproverIds: [ids['manager']] });
    expect((await approve('manager', id)).json<Round>().status).toBe('approved');

    // No fallback approver: the step stays with the deactivated approver, marked unresolved; an admin reassigns it.
    await policy([[{ mode: 'any', users: [ids['erik']!] }]], { defaultApproverId: null });
    const stuck = await submitted('Erik leaves');
    expect((await call('admin', 'POST', `/api/v1/users/${ids['erik']}/deactivate`)).statusCode).toBe(200);
    const unresolved = await waitUntil(async () => ((await current(stuck)).activity.length ? current(stuck) : null), { timeoutMs: 20_000 });
    expect(unresolved.activity).toMatchObject([{ kind: 'fallback', from: ids['erik'], to: null, reason: 'inactive' }]);
    expect(unresolved.route.steps[0]!.groups[0]).toMatchObject({ notes: [{ code: 'unresolved', because: 'inactive' }], approvers: [{ userId: ids['erik'], state: 'pending' }] });
    const fixed = await call('admin', 'POST', `/api/v1/approvals/quotes/${stuck}/reassign`, { round: 1, from: ids['erik'], to: ids['dana'], note: 'Erik left the company' });
    expect(fixed.json<Round>()).toMatchObject({ currentApproverIds: [ids['dana']] });
    expect((await approve('dana', stuck)).json<Round>().status).toBe('approved');
  });
});
