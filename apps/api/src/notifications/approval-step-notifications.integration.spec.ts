import { MikroORM } from '@mikro-orm/core';
import { deliveryJobId, DELIVER_EVENT_JOB, eventQueueName, OutboxMessage } from '@qa/shared-messaging';
import { startMailCapture, TEST_REDIS_URL, waitUntil, type MailCapture } from '@qa/shared-testing';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiWithWorker } from '../testing/api-with-worker';

const APP = 'https://quotes.example.com';

type Notice = { message: { code: string; params: Record<string, string> } | null; link: string | null };

/**
 * Notifications of an approval step's changes, end to end: the API in this process, the worker in
 * its own sending through a real SMTP server on loopback, PostgreSQL and Redis. Every quote needs
 * the Approver's (Max's) approval; Max requests changes, and Rita (owner and submitter) hears of it
 * in the app and by e-mail, as far as her preferences allow.
 */
describe('approval step notifications (API + worker + SMTP)', () => {
  let mail: MailCapture;
  let system: ApiWithWorker;
  let dealId: string;
  let queue: Queue;

  beforeAll(async () => {
    mail = await startMailCapture();
    system = new ApiWithWorker({ name: 'step-notify', users: ['rep', 'manager', 'admin'], workerEnv: { SMTP_URL: mail.url, APP_BASE_URL: APP } });
    await system.start();
    queue = new Queue(eventQueueName('approvals'), { connection: { url: TEST_REDIS_URL } as never, prefix: system.queuePrefix });
    expect((await system.call('admin', 'PUT', '/api/v1/approvals/settings', { requireApproval: true, defaultApproverId: system.ids['manager'], rules: [] })).statusCode).toBe(200);
    dealId = await system.createDeal('Notices');
  });
  afterAll(async () => {
    await queue?.close();
    await system?.stop();
    await mail?.close();
  });

  const call = (who: string, method: string, url: string, payload?: unknown) => system.call(who, method, url, payload);
  const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => system.api.app.get(MikroORM).em.fork().getConnection().execute(query, params);
  const noticesOf = async (who: string, number: string): Promise<Notice[]> =>
    (await call(who, 'GET', '/api/v1/notifications')).json<{ items: Notice[] }>().items.filter((n) => n.message?.params['number'] === number);
  const mailsAbout = (email: string, number: string) => mail.mails.filter((m) => m.to.includes(email) && m.subject.includes(number));

  /** A quote of Rita's, submitted; resolves once Max has been told in the app that it waits for him. */
  async function submitted(title: string): Promise<{ id: string; number: string }> {
    const created = await call('rep', 'POST', '/api/v1/quotes', { title, dealId, expiresOn: '2099-12-31', lineItems: [{ productName: 'Design', quantity: 1, unitPrice: '1000.00' }] });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<{ id: string }>();
    const submit = await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: 1 });
    expect(submit.json()).toMatchObject({ status: 'pending_approval' });
    const { number } = submit.json<{ number: string }>();
    await waitUntil(async () => (await noticesOf('manager', number)).length > 0, {
      timeoutMs: 20_000,
      describe: async () =>
        JSON.stringify({
          notifications: await sql('select recipient_user_id, message from notifications_notification'),
          outbox: await sql('select name, delivered_at, publish_count from messaging_outbox order by id'),
          inbox: await sql('select event_id, subscriber from messaging_inbox'),
          log: system.worker.output().split('\n').filter((l) => !l.includes('"level":30')).slice(-20),
        }),
    });
    return { id, number };
  }
  async function requestChanges(quoteId: string, notes: string): Promise<void> {
    const answer = await call('manager', 'POST', `/api/v1/approvals/quotes/${quoteId}/request-changes`, { round: 1, notes });
    expect(answer.statusCode, answer.body).toBe(200);
  }

  it('tells the owner in the app and by e-mail that changes were requested, with the notes; a redelivered event notifies nobody twice', async () => {
    const quote = await submitted('Notices: changes');
    // Max: the step waits for him, in the app without an e-mail copy (the approval e-mail with its buttons is the e-mail).
    expect(await noticesOf('manager', quote.number)).toEqual([
      expect.objectContaining({ message: { code: 'approvals.stepAssigned', params: { number: quote.number, title: 'Notices: changes', step: '1', steps: '1' } }, link: `/quotes/${quote.id}/approval` }),
    ]);

    await requestChanges(quote.id, 'Lower the discount to 10 %');
    const [notice] = await waitUntil(async () => {
      const found = await noticesOf('rep', quote.number);
      return found.length ? found : null;
    }, { timeoutMs: 20_000 });
    expect(notice).toMatchObject({
      message: { code: 'approvals.changesRequested', params: { number: quote.number, title: 'Notices: changes', by: 'Max Manager', note: 'Lower the discount to 10 %' } },
      link: `/quotes/${quote.id}/approval`,
    });
    const [sent] = await waitUntil(async () => (mailsAbout('rep@example.com', quote.number).length ? mailsAbout('rep@example.com', quote.number) : null), { timeoutMs: 20_000 });
    expect(sent!.subject).toBe(`Changes requested on quote ${quote.number}`);
    expect(sent!.text).toContain('Max Manager requested changes to "Notices: changes": Lower the discount to 10 %');
    expect(sent!.text).toContain(`${APP}/quotes/${quote.id}/approval`);
    await system.waitUntilQuiet();
    expect(mailsAbout('manager@example.com', quote.number).map((m) => m.subject)).toEqual([`Approval needed: ${quote.number} Notices: changes`]);

    // The event delivered to approvals once more, as if its first delivery had never been recorded.
    const [{ id: eventId }] = await sql<{ id: string }>(`select o.id from messaging_outbox o join approvals_request r on r.id = o.aggregate_id where r.quote_id = ? and o.name = 'approvals.request.changes-requested.v1'`, [quote.id]);
    const event = await system.api.app.get(MikroORM).em.fork().findOneOrFail(OutboxMessage, { id: eventId });
    await sql(`delete from messaging_inbox where event_id = ? and subscriber = 'approvals'`, [eventId]);
    await queue.add(DELIVER_EVENT_JOB, event.toEnvelope(), { jobId: `${deliveryJobId(eventId, 'approvals')}@again` });
    await waitUntil(async () => (await sql(`select 1 from messaging_inbox where event_id = ? and subscriber = 'approvals'`, [eventId])).length === 1, { timeoutMs: 20_000 });
    await system.waitUntilQuiet();
    expect(await noticesOf('rep', quote.number)).toHaveLength(1);
    expect(mailsAbout('rep@example.com', quote.number)).toHaveLength(1);
    expect(await sql(`select count(*)::int as n from notifications_email where source_key like ?`, [`notification:approvals.notify:${eventId}:%`])).toEqual([{ n: 0 }]);
  });

  it('sends no e-mail of a kind whose e-mail the user switched off, the approval e-mail included; the in-app notification still comes', async () => {
    const off = (kind: string) => ({ preferences: [{ kind, inApp: true, email: false }] });
    const saved = await call('rep', 'PUT', '/api/v1/notifications/preferences', off('decided'));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<{ preferences: Array<{ kind: string; inApp: boolean; email: boolean }> }>().preferences.find((p) => p.kind === 'decided')).toEqual({ kind: 'decided', inApp: true, email: false });
    expect((await call('manager', 'PUT', '/api/v1/notifications/preferences', off('assigned'))).statusCode).toBe(200);

    const quote = await submitted('Notices: quiet');
    await requestChanges(quote.id, 'Add the support line');
    await waitUntil(async () => (await noticesOf('rep', quote.number)).length > 0, { timeoutMs: 20_000 });
    await system.waitUntilQuiet();
    expect((await noticesOf('rep', quote.number)).map((n) => n.message?.code)).toEqual(['approvals.changesRequested']);
    expect(mailsAbout('rep@example.com', quote.number)).toEqual([]);
    expect(mailsAbout('manager@example.com', quote.number)).toEqual([]);
    // Only their own: another user's preferences are untouched.
    expect((await call('admin', 'GET', '/api/v1/notifications/preferences')).json<{ preferences: Array<{ email: boolean }> }>().preferences.every((p) => p.email)).toBe(true);
  });

  it('refuses preferences that do not make sense, naming the field', async () => {
    const bad = await call('rep', 'PUT', '/api/v1/notifications/preferences', { preferences: [{ kind: 'weekly', inApp: 'yes', email: true }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ code: string; details: { fields: Array<{ field: string }> } }>()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(bad.json<{ details: { fields: Array<{ field: string }> } }>().details.fields.map((f) => f.field).sort()).toEqual(['preferences.0.inApp', 'preferences.0.kind']);
    const twice = await call('rep', 'PUT', '/api/v1/notifications/preferences', { preferences: [{ kind: 'reminded', inApp: true, email: true }, { kind: 'reminded', inApp: false, email: false }] });
    expect(twice.statusCode).toBe(422);
    expect(twice.json()).toMatchObject({ code: 'NOTIFICATIONS.INVALID_PREFERENCES', details: { fields: [{ field: 'preferences.1.kind', reason: 'reminded is given more than once' }] } });
    expect((await call('rep', 'PUT', '/api/v1/notifications/preferences', { preferences: [], userId: 'someone-else' })).statusCode).toBe(400);
  });
});
