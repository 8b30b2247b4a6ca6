import { waitUntil } from '@qa/shared-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiWithWorker } from '../testing/api-with-worker';
import { LiveChannel, openEventStream } from '../testing/event-stream';

type Json = Record<string, unknown>;

/** The walkthrough of docs/product.md#walkthrough, steps 1 to 8, over HTTP with the real worker: API + worker on PostgreSQL and Redis. */
describe('quote approvals end to end (API + worker)', () => {
  const system = new ApiWithWorker({ name: 'appr', users: ['rep', 'rep2', 'manager', 'admin'] });
  const { call, cookies, ids } = system;
  let dealId: string;

  beforeAll(async () => {
    await system.start();
    dealId = await system.createDeal('Acme');
  });
  afterAll(() => system.stop());

  const quote = async (id: string) => (await call('rep', 'GET', `/api/v1/quotes/${id}`)).json<Json & { status: string; version: number; sharePath: string | null }>();
  const untilStatus = (id: string, status: string) => waitUntil(async () => ((await quote(id)).status === status ? quote(id) : null), { timeoutMs: 20_000, describe: async () => `status ${(await quote(id)).status}` });
  const tasksOf = async (who: string) =>
    (await call(who, 'GET', '/api/v1/tasks?status=open')).json<{ items: Array<{ title: string; notes: string; relatedId: string; message: { code: string; params: Json } | null }> }>().items;
  const properties = async (id: string) =>
    Object.fromEntries((await call('rep', 'GET', `/api/v1/records/quote/${id}/properties`)).json<{ properties: Array<{ name: string; value: unknown }> }>().properties.map((p) => [p.name, p.value]));
  const body = (overrides: Json = {}) => ({ title: 'Website redesign', dealId, expiresOn: '2099-12-31', lineItems: [{ productName: 'Design', quantity: 2, unitPrice: '1500.00', discount: { type: 'percent', value: '25' } }], ...overrides });

  it('walks through settings, submit, request changes, resubmit, approve and publish, notification and recall', async () => {
    // 1–2. The admin requires approval on all quotes with the manager as approver: four workflows appear.
    expect((await call('rep', 'PUT', '/api/v1/approvals/settings', { requireApproval: true, defaultApproverId: ids['manager'], rules: [] })).statusCode).toBe(403);
    const badApprover = await call('admin', 'PUT', '/api/v1/approvals/settings', { requireApproval: true, defaultApproverId: ids['rep2'], rules: [] });
    expect(badApprover.json()).toMatchObject({ statusCode: 422, details: { fields: [{ field: 'defaultApproverId' }] } });
    const saved = await call('admin', 'PUT', '/api/v1/approvals/settings', { requireApproval: true, defaultApproverId: ids['manager'], rules: [] });
    expect(saved.json()).toMatchObject({ requireApproval: true, defaultApproverId: ids['manager'] });
    const approvalWorkflows = () =>
      call('admin', 'GET', '/api/v1/workflows').then((r) => r.json<{ items: Array<{ name: string; enabled: boolean; setKey: string }> }>().items.filter((w) => w.setKey === 'quote-approvals-v1'));
    await waitUntil(async () => (await approvalWorkflows()).length === 9, { timeoutMs: 20_000 });
    expect((await approvalWorkflows()).map((w) => [w.name, w.enabled]).sort()).toEqual([
      ['When a quote is withdrawn from approval', true],
      ['When an approval step is escalated', true],
      ['When an approval step is reassigned', true],
      ['When an approval step starts', true],
      ['When an approver is out of office', true],
      ['When approvers are reminded', true],
      ['When changes are requested on a quote', true],
      ['When quotes are approved', true],
      ['When quotes need approval', true],
    ]);

    // 3. The rep's quote needs approval: Pending approval, and the preview says why.
    const id = (await call('rep', 'POST', '/api/v1/quotes', body())).json<{ id: string }>().id;
    expect((await call('rep', 'GET', `/api/v1/approvals/quotes/${id}/preview`)).json()).toMatchObject({
      required: true,
      complete: true,
      people: [{ id: ids['manager'], name: 'Max Manager' }],
      route: { rules: [{ ruleName: '', reasons: [{ code: 'all-quotes' }] }], steps: [{ step: 1, groups: [{ approvers: [{ userId: ids['manager'], state: 'waiting' }] }] }] },
    });
    const submitted = await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: 1 });
    expect(submitted.json()).toMatchObject({ status: 'pending_approval', sharePath: null });
    await waitUntil(async () => (await tasksOf('manager')).some((t) => t.relatedId === id), { timeoutMs: 20_000 });
    // No English from the server: the task is a message code with its params, approval_status a code.
    const number = (await quote(id))['number'];
    expect((await tasksOf('manager')).filter((t) => t.relatedId === id).map((t) => [t.message, t.notes])).toEqual([
      [{ code: 'approvals.reviewQuote', params: { number, title: 'Website redesign' } }, ''],
    ]);
    expect(await properties(id)).toMatchObject({ approval_status: 'pending_approval', approver: ids['manager'] });

    // 4–5. Only the round's approver gets the approval page; the rep cannot approve their own quote.
    // Another rep may not see the quote at all: to them it does not exist (as GET /quotes/:id says).
    expect((await call('rep2', 'GET', `/api/v1/approvals/quotes/${id}`)).json()).toMatchObject({ statusCode: 404, code: 'APPROVALS.NOT_FOUND' });
    expect((await call('rep2', 'POST', `/api/v1/approvals/quotes/${id}/approve`, { round: 1 })).json()).toMatchObject({ statusCode: 404, code: 'APPROVALS.NOT_FOUND' });
    // The owner follows the round (and may remind its approvers), but decides nothing.
    expect((await call('rep', 'GET', `/api/v1/approvals/quotes/${id}`)).json()).toMatchObject({ canDecide: false, reminder: { retryAt: null } });
    expect((await call('rep', 'POST', `/api/v1/approvals/quotes/${id}/approve`, { round: 1 })).json()).toMatchObject({ statusCode: 403, code: 'APPROVALS.OWN_QUOTE' });
    const page = (await call('manager', 'GET', `/api/v1/approvals/quotes/${id}`)).json<{ current: { round: number }; canDecide: boolean }>();
    expect(page).toMatchObject({ current: { round: 1 }, canDecide: true });
    expect((await call('rep', 'POST', `/api/v1/approvals/quotes/${id}/approve`, { round: 1 })).json()).toMatchObject({ statusCode: 403 });
    expect((await call('manager', 'POST', `/api/v1/approvals/quotes/${id}/request-changes`, { round: 1, notes: '' })).statusCode).toBe(400);
    const changes = await call('manager', 'POST', `/api/v1/approvals/quotes/${id}/request-changes`, { round: 1, notes: 'Lower the discount to 15%' });
    expect(changes.json()).toMatchObject({ status: 'changes_requested' });
    expect((await call('manager', 'POST', `/api/v1/approvals/quotes/${id}/approve`, { round: 1 })).json()).toMatchObject({ statusCode: 409, code: 'APPROVALS.ALREADY_DECIDED' });
    await untilStatus(id, 'changes_requested');
    await waitUntil(async () => (await tasksOf('rep')).some((t) => t.relatedId === id && t.notes === 'Lower the discount to 15%'), { timeoutMs: 20_000 });
    expect((await tasksOf('rep')).find((t) => t.relatedId === id)?.message).toEqual({ code: 'approvals.makeChanges', params: { number } });
    expect((await properties(id))['approval_status']).toBe('changes_requested');
    await waitUntil(async () => !(await tasksOf('manager')).some((t) => t.relatedId === id), { timeoutMs: 20_000 });

    // 6. The creator edits and submits again: round 2 at the same link, with what changed.
    const current = await quote(id);
    const edited = await call('rep', 'PUT', `/api/v1/quotes/${id}`, { ...body({ lineItems: [{ id: (current['lineItems'] as Array<{ id: string }>)[0].id, productName: 'Design', quantity: 2, unitPrice: '1500.00', discount: { type: 'percent', value: '15' } }] }), version: current.version });
    expect(edited.statusCode).toBe(200);
    await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: edited.json<{ version: number }>().version });
    const round2 = await waitUntil(async () => {
      const r = (await call('manager', 'GET', `/api/v1/approvals/quotes/${id}`)).json<{ current: { round: number }; changes: { lines: Array<{ kind: string; changes: Json }> } }>();
      return r.current?.round === 2 ? r : null;
    }, { timeoutMs: 20_000 });
    expect(round2.changes.lines).toEqual([{ kind: 'changed', productName: 'Design', changes: { discount: ['25.00%', '15.00%'], net: ['2250.00', '2550.00'] } }]);
    expect((await call('manager', 'POST', `/api/v1/approvals/quotes/${id}/approve`, { round: 1 })).json()).toMatchObject({ statusCode: 409, code: 'APPROVALS.STALE_ROUND' });

    // Approve and publish; 7. the creator is notified and can share the buyer's link.
    expect((await call('manager', 'POST', `/api/v1/approvals/quotes/${id}/approve`, { round: 2 })).json()).toMatchObject({ status: 'approved' });
    const published = await untilStatus(id, 'published');
    expect(published.sharePath).toMatch(/^\/q\//);
    const history = (published['history'] as Array<{ status: string; by: string | null; note: string | null }>).map((h) => [h.status, h.by]);
    expect(history).toEqual([
      ['draft', ids['rep']],
      ['pending_approval', ids['rep']],
      ['changes_requested', ids['manager']],
      ['pending_approval', ids['rep']],
      ['approved', ids['manager']],
      ['published', ids['manager']],
    ]);
    const approvedNotice = async () =>
      (await call('rep', 'GET', '/api/v1/notifications')).json<{ items: Array<{ message: { code: string; params: Json } | null }> }>().items.find((n) => n.message?.code === 'approvals.quoteApproved' && n.message.params['number'] === published['number']);
    expect((await waitUntil(approvedNotice, { timeoutMs: 20_000 })).message).toEqual({ code: 'approvals.quoteApproved', params: { number: published['number'], title: 'Website redesign' } });
    await waitUntil(async () => (await properties(id))['approval_status'] === 'approved', { timeoutMs: 20_000 });

    // 8. Recall returns it to Draft; submitting again needs a new approval (round 3).
    const recalled = await call('rep', 'POST', `/api/v1/quotes/${id}/recall`, { version: published.version });
    expect(recalled.json()).toMatchObject({ status: 'draft', sharePath: null });
    await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: recalled.json<{ version: number }>().version });
    await waitUntil(async () => (await call('manager', 'GET', `/api/v1/approvals/quotes/${id}`)).json<{ current: { round: number } }>().current?.round === 3, { timeoutMs: 20_000 });
    expect((await quote(id)).status).toBe('pending_approval');
  });

  it('lets exactly one of two concurrent decisions win', async () => {
    const id = (await call('rep', 'POST', '/api/v1/quotes', body({ title: 'Race' }))).json<{ id: string }>().id;
    await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: 1 });
    await waitUntil(async () => (await call('manager', 'GET', `/api/v1/approvals/quotes/${id}`)).statusCode === 200, { timeoutMs: 20_000 });
    const [a, b] = await Promise.all([
      call('manager', 'POST', `/api/v1/approvals/quotes/${id}/approve`, { round: 1 }),
      call('manager', 'POST', `/api/v1/approvals/quotes/${id}/request-changes`, { round: 1, notes: 'No' }),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const final = (await call('manager', 'GET', `/api/v1/approvals/quotes/${id}`)).json<{ current: { decisions: unknown[] } }>();
    expect(final.current.decisions).toHaveLength(1);
  });

  it("pushes the workflows' task and notification live: to the approver and the creator, not to another rep", async () => {
    await system.api.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `${await system.api.app.getUrl()}/api/v1/events/stream`;
    const live = new LiveChannel(system.api.config);
    const [manager, rep, rep2] = await Promise.all([openEventStream(url, cookies['manager']), openEventStream(url, cookies['rep']), openEventStream(url, cookies['rep2'])]);
    try {
      await live.subscribed();
      const id = (await call('rep', 'POST', '/api/v1/quotes', body({ title: 'Live' }))).json<{ id: string }>().id;
      await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: 1 });
      const taskFor = (who: string) => (m: { event: string; data: { payload: Record<string, unknown> } }) => m.event === 'tasks.task.created.v1' && m.data.payload['relatedId'] === id && m.data.payload['assigneeId'] === ids[who];
      await waitUntil(async () => manager.received.some(taskFor('manager')), { timeoutMs: 20_000, describe: () => JSON.stringify(manager.received.map((m) => m.event)) });
      await waitUntil(async () => (await call('manager', 'GET', `/api/v1/approvals/quotes/${id}`)).json<{ current: { round: number } | null }>().current?.round === 1, { timeoutMs: 20_000 });
      expect((await call('manager', 'POST', `/api/v1/approvals/quotes/${id}/approve`, { round: 1 })).statusCode).toBe(200);
      const noticeFor = (who: string) => (m: { event: string; data: { payload: Record<string, unknown> } }) => m.event === 'notifications.notification.created.v1' && m.data.payload['recipientUserId'] === ids[who];
      await waitUntil(async () => rep.received.some(noticeFor('rep')), { timeoutMs: 20_000, describe: () => JSON.stringify(rep.received.map((m) => m.event)) });
      // Everything has been announced, and the other rep's stream has had all of it.
      await system.waitUntilQuiet();
      await live.fence(rep2, ids['rep2']);
      expect(rep2.received.filter((m) => m.data.payload && (m.data.payload as Record<string, unknown>)['ownerId'] === ids['rep'])).toEqual([]);
      expect(rep2.received.some(noticeFor('rep')) || rep2.received.some(taskFor('manager'))).toBe(false);
    } finally {
      manager.close();
      rep.close();
      rep2.close();
      live.close();
    }
  });

  it('switching approval off deactivates the workflows; on again does not duplicate them', async () => {
    const version = (await call('admin', 'GET', '/api/v1/approvals/settings')).json<{ version: number }>().version;
    await call('admin', 'PUT', '/api/v1/approvals/settings', { requireApproval: false, defaultApproverId: ids['manager'], rules: [], version });
    const list = () => call('admin', 'GET', '/api/v1/workflows').then((r) => r.json<{ items: Array<{ enabled: boolean; setKey: string }> }>().items.filter((w) => w.setKey === 'quote-approvals-v1'));
    await waitUntil(async () => (await list()).every((w) => !w.enabled), { timeoutMs: 20_000 });
    await call('admin', 'PUT', '/api/v1/approvals/settings', { requireApproval: true, defaultApproverId: ids['manager'], rules: [], version: version + 1 });
    await waitUntil(async () => (await list()).every((w) => w.enabled), { timeoutMs: 20_000 });
    // The set's workflows, once each: need approval, step starts, changes requested, approved,
    // withdrawn, out of office, reassigned, reminded, escalated.
    expect(await list()).toHaveLength(9);
  });
});
