import { MikroORM, RequestContext } from '@mikro-orm/core';
import { CommandBus } from '@nestjs/cqrs';
import { issueApprovalLinks } from '@qa/approvals-application';
import { APPROVAL_LINK_TTL_MS } from '@qa/approvals-domain';
import { CreateUserCommand } from '@qa/identity-application';
import { ManualClock } from '@qa/shared-kernel';
import { linksIn, removeQueueKeys, startAppProcess, startMailCapture, TEST_REDIS_URL, waitUntil, type AppProcess, type MailCapture } from '@qa/shared-testing';
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoggedInApiTestApp, type LoggedInApiTestApp } from '../testing/api-test-app';

type Json = Record<string, unknown>;
type Round = { status: string; decisions: Array<{ approverId: string; decision: string }> };

const APP = 'https://quotes.example.com';

/**
 * The Approve / Request changes links of approval e-mails over HTTP: the API (its clock a
 * ManualClock) and the worker in its own process sending through a real SMTP server on loopback,
 * on PostgreSQL and Redis. Quotes route to Max (manager) or Mia (manager2), any one of them.
 */
describe('approval e-mail links (API + worker + SMTP)', () => {
  const clock = new ManualClock(new Date());
  const queuePrefix = `qa-appr-links-${randomBytes(3).toString('hex')}`;
  let api: LoggedInApiTestApp;
  let worker: AppProcess;
  let mail: MailCapture;
  let db: Client;
  const ids: Record<string, string> = {};
  const cookies: Record<string, string> = {};
  let dealId: string;

  beforeAll(async () => {
    mail = await startMailCapture();
    api = await startLoggedInApiTestApp(['rep', 'manager', 'admin'], { QUEUE_PREFIX: queuePrefix, APP_BASE_URL: APP }, { clock });
    Object.assign(cookies, api.cookies);
    await RequestContext.create(api.app.get(MikroORM).em.fork(), () => api.app.get(CommandBus).execute(new CreateUserCommand('manager2@example.com', 'Mia Manager', 'manager', 'long-enough-password-1')));
    cookies['manager2'] = await api.logIn('manager2@example.com', 'long-enough-password-1');
    for (const who of ['rep', 'manager', 'manager2', 'admin']) ids[who] = (await call(who, 'GET', '/api/v1/me')).json<{ id: string }>().id;
    worker = await startAppProcess(
      'apps/worker/src/main.ts',
      { DATABASE_URL: api.database.url, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: queuePrefix, LOG_LEVEL: 'info', JOB_BACKOFF_MS: '100', SMTP_URL: mail.url, APP_BASE_URL: APP },
      'worker ready',
    );
    db = new Client({ connectionString: api.database.url });
    await db.connect();
    const saved = await call('admin', 'PUT', '/api/v1/approvals/settings', {
      requireApproval: false,
      defaultApproverId: null,
      rules: [
        {
          name: 'Big discounts',
          when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 20 }] }],
          route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'user', userId: ids['manager'] }, { kind: 'user', userId: ids['manager2'] }] }] }],
          firstMatchOnly: true,
        },
      ],
    });
    expect(saved.statusCode).toBe(200);
    const company = await call('admin', 'POST', '/api/v1/crm/companies', { name: 'Acme BV' });
    dealId = (await call('rep', 'POST', '/api/v1/crm/deals', { name: 'Acme', amount: '1000.00', currency: 'EUR', stage: 'contract_sent', companyId: company.json<{ id: string }>().id })).json<{ id: string }>().id;
  });
  afterAll(async () => {
    await db?.end();
    await worker?.stop();
    await api?.close();
    await mail?.close();
    await removeQueueKeys(queuePrefix);
  });

  function call(who: string, method: string, url: string, payload?: unknown) {
    return api.request({ method, url, payload: payload as never, headers: cookies[who] ? { cookie: cookies[who] } : {} });
  }
  const quote = async (id: string) => (await call('rep', 'GET', `/api/v1/quotes/${id}`)).json<{ status: string; number: string; version: number }>();
  const round = async (id: string) => (await call('admin', 'GET', `/api/v1/approvals/quotes/${id}`)).json<{ current: Round }>().current;
  const linkUses = async () => Number((await db.query('select count(*) as n from approvals_link_use')).rows[0].n);

  /** A quote of rep's at 25 % off, submitted; resolves once its round is open: the quote, the round's id. */
  async function pendingQuote(title: string): Promise<{ id: string; number: string; requestId: string }> {
    const created = await call('rep', 'POST', '/api/v1/quotes', {
      title,
      dealId,
      expiresOn: '2099-12-31',
      lineItems: [{ productName: 'Design', quantity: 1, unitPrice: '16000.00', discount: { type: 'percent', value: '25' } }],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    expect((await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: 1 })).json()).toMatchObject({ status: 'pending_approval' });
    const requestId = await waitUntil(async () => (await db.query('select id from approvals_request where quote_id = $1', [id])).rows[0]?.id as string | undefined, {
      timeoutMs: 20_000,
      describe: () => worker.output().slice(-4000),
    });
    return { id, number: (await quote(id)).number, requestId };
  }
  /** The token of the link labelled `label` in the e-mail to `email` about `number`. */
  async function mailedToken(email: string, number: string, label: 'Approve' | 'Request changes'): Promise<string> {
    const sent = await waitUntil(async () => mail.mails.find((m) => m.to.includes(email) && m.subject.includes(number)), { timeoutMs: 20_000 });
    const line = sent.text.split('\n').find((l) => l.startsWith(`${label}: `)) ?? '';
    const [link] = linksIn(line, `${APP}/approvals/confirm?token=`);
    expect(link, `${label} link in ${sent.text}`).toBeDefined();
    return decodeURIComponent(new URL(link!).searchParams.get('token')!);
  }
  const look = (who: string, token: string) => call(who, 'GET', `/api/v1/approvals/links/${token}`);
  const confirm = (who: string, token: string, notes?: string) => call(who, 'POST', `/api/v1/approvals/links/${token}/decision`, notes === undefined ? {} : { notes });

  it('mails each approver of the step once; opening the link shows the quote and decides nothing; confirming decides once', async () => {
    const q = await pendingQuote('Links: approve');
    const approve = await mailedToken('manager@example.com', q.number, 'Approve');
    await mailedToken('manager2@example.com', q.number, 'Approve');
    const sent = mail.mails.filter((m) => m.subject.includes(q.number));
    expect(sent.map((m) => [m.to, m.subject]).sort()).toEqual([
      [['manager2@example.com'], `Approval needed: ${q.number} Links: approve`],
      [['manager@example.com'], `Approval needed: ${q.number} Links: approve`],
    ]);
    expect(sent[0]!.text).toContain('Why it needs approval:\n- Big discounts: discount 25% > 20%');
    expect(sent[0]!.html).toContain('>Approve</a>');

    // Opening (a mail scanner, or the approver) changes nothing.
    for (let i = 0; i < 3; i += 1) {
      const shown = await look('manager', approve);
      expect(shown.statusCode).toBe(200);
      expect(shown.json()).toMatchObject({
        action: 'approve',
        quote: { id: q.id, number: q.number, title: 'Links: approve', companyName: 'Acme BV', total: '12000.00', currency: 'EUR' },
        rules: [{ ruleName: 'Big discounts', reasons: [{ code: 'condition', field: 'effectiveDiscountPercent', operator: 'gt' }] }],
        approver: { id: ids['manager'], name: 'Max Manager' },
        round: 1,
        step: 1,
        steps: 1,
      });
    }
    expect((await round(q.id)).decisions).toEqual([]);
    expect(await linkUses()).toBe(0);
    expect((await quote(q.id)).status).toBe('pending_approval');

    const decided = await confirm('manager', approve);
    expect(decided.json()).toEqual({ action: 'approve', quoteId: q.id, status: 'approved', currentStep: null });
    await waitUntil(async () => (await quote(q.id)).status === 'published', { timeoutMs: 20_000 });

    // A second click, and the e-mail's other button: nothing changes.
    expect((await confirm('manager', approve)).json()).toMatchObject({ statusCode: 409, code: 'APPROVALS.LINK_USED' });
    expect((await look('manager', approve)).json()).toMatchObject({ statusCode: 409, code: 'APPROVALS.LINK_USED' });
    const other = await mailedToken('manager@example.com', q.number, 'Request changes');
    expect((await confirm('manager', other, 'Too late')).json()).toMatchObject({ statusCode: 409, code: 'APPROVALS.LINK_USED' });
    expect((await round(q.id)).decisions.map((d) => [d.approverId, d.decision])).toEqual([[ids['manager'], 'approve']]);
    expect(await linkUses()).toBe(1);
  });

  it('decides nothing for another user: the other approver of the same step, the owner, an admin, nobody signed in', async () => {
    const q = await pendingQuote('Links: not yours');
    const approve = await mailedToken('manager@example.com', q.number, 'Approve');
    for (const who of ['manager2', 'rep', 'admin']) {
      expect((await look(who, approve)).json()).toEqual({ statusCode: 403, code: 'APPROVALS.LINK_NOT_YOURS', message: expect.any(String), details: {} });
      expect((await confirm(who, approve)).json()).toMatchObject({ statusCode: 403, code: 'APPROVALS.LINK_NOT_YOURS' });
    }
    expect((await call('nobody', 'GET', `/api/v1/approvals/links/${approve}`)).statusCode).toBe(401);
    expect((await call('nobody', 'POST', `/api/v1/approvals/links/${approve}/decision`, {})).statusCode).toBe(401);
    expect((await round(q.id)).decisions).toEqual([]);
    expect(await linkUses()).toBe(1);
  });

  it('asks notes to request changes; refuses a tampered link and one of another step or round', async () => {
    const q = await pendingQuote('Links: request changes');
    const requestChanges = await mailedToken('manager@example.com', q.number, 'Request changes');
    expect((await confirm('manager', requestChanges)).json()).toMatchObject({ statusCode: 422, code: 'APPROVALS.NOTES_REQUIRED', details: { fields: [{ field: 'notes' }] } });
    expect((await confirm('manager', requestChanges, 7 as unknown as string)).json()).toMatchObject({ statusCode: 400, details: { fields: expect.arrayContaining([{ field: 'notes', reason: 'notes must be a text' }]) } });
    // "Approve" in the payload with the request-changes link's signature.
    const approve = await mailedToken('manager@example.com', q.number, 'Approve');
    const replayed = `${approve.split('.')[0]}.${requestChanges.split('.')[1]}`;
    for (const token of [replayed, 'not-a-token', 'x'.repeat(400), `${approve}x`]) {
      expect((await look('manager', token)).json()).toMatchObject({ statusCode: 404, code: 'APPROVALS.LINK_INVALID', details: {} });
      expect((await confirm('manager', token)).json()).toMatchObject({ statusCode: 404, code: 'APPROVALS.LINK_INVALID' });
    }
    const secret = api.config.approvalLinks.secret;
    for (const target of [
      { requestId: q.requestId, round: 1, step: 1, approverId: ids['manager']! },
      { requestId: q.requestId, round: 2, step: 0, approverId: ids['manager']! },
    ]) {
      expect((await confirm('manager', issueApprovalLinks(target, secret, clock.now()).approve)).json()).toMatchObject({ statusCode: 410, code: 'APPROVALS.LINK_VOID' });
    }
    expect((await round(q.id)).decisions).toEqual([]);
    expect((await confirm('manager', requestChanges, 'Lower the discount to 20 %')).json()).toEqual({ action: 'request_changes', quoteId: q.id, status: 'changes_requested', currentStep: null });
    await waitUntil(async () => (await quote(q.id)).status === 'changes_requested', { timeoutMs: 20_000 });
  });

  it('decides once when the link is confirmed twice at the same moment', async () => {
    const q = await pendingQuote('Links: double click');
    const approve = await mailedToken('manager@example.com', q.number, 'Approve');
    const answers = await Promise.all([confirm('manager', approve), confirm('manager', approve), confirm('manager', approve)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
    expect(answers.filter((a) => a.statusCode === 409).map((a) => a.json<Json>()['code'])).toEqual(['APPROVALS.LINK_USED', 'APPROVALS.LINK_USED']);
    expect((await round(q.id)).decisions).toHaveLength(1);
  });

  it('is void once the step was decided on the approval page', async () => {
    const q = await pendingQuote('Links: void');
    const approve = await mailedToken('manager@example.com', q.number, 'Approve');
    expect((await call('manager2', 'POST', `/api/v1/approvals/quotes/${q.id}/approve`, { round: 1 })).statusCode).toBe(200);
    expect((await look('manager', approve)).json()).toMatchObject({ statusCode: 410, code: 'APPROVALS.LINK_VOID' });
    expect((await confirm('manager', approve)).json()).toMatchObject({ statusCode: 410, code: 'APPROVALS.LINK_VOID' });
    expect((await round(q.id)).decisions.map((d) => d.approverId)).toEqual([ids['manager2']]);
  });

  it('limits each user to 60 looks a minute (429 with Retry-After); other users keep theirs', async () => {
    // The rep looked at a link once already this minute (above).
    const statuses: number[] = [];
    for (let i = 0; i < 60; i += 1) statuses.push((await look('rep', 'not-a-token')).statusCode);
    expect(statuses.indexOf(429)).toBeGreaterThanOrEqual(55);
    expect(statuses.slice(statuses.indexOf(429)).every((status) => status === 429)).toBe(true);
    const limited = await look('rep', 'not-a-token');
    expect(limited.json()).toMatchObject({ statusCode: 429, code: 'APPROVALS.LINK_RATE_LIMITED', details: { limit: 60 } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await look('admin', 'not-a-token')).statusCode).toBe(404);
  });

  it('expires 72 hours after the e-mail (the API’s clock moved on)', async () => {
    const q = await pendingQuote('Links: expired');
    const approve = await mailedToken('manager@example.com', q.number, 'Approve');
    clock.advance(APPROVAL_LINK_TTL_MS + 60_000);
    // Sessions end by the same clock: log in again.
    cookies['manager'] = await api.logIn('manager@example.com');
    cookies['admin'] = await api.logIn('admin@example.com');
    expect((await look('manager', approve)).json()).toMatchObject({ statusCode: 410, code: 'APPROVALS.LINK_EXPIRED' });
    expect((await confirm('manager', approve)).json()).toMatchObject({ statusCode: 410, code: 'APPROVALS.LINK_EXPIRED' });
    expect((await round(q.id)).status).toBe('pending');
  });
});
