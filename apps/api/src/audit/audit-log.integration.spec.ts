import { MikroORM } from '@mikro-orm/core';
import { waitUntil } from '@qa/shared-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiWithWorker } from '../testing/api-with-worker';
import { workflowBody } from '../testing/workflow-fixtures';

type Json = Record<string, unknown>;
interface Entry {
  id: string;
  occurredAt: string;
  actor: { type: string; id: string | null };
  action: string;
  subject: { type: string; id: string; label: string | null };
  changes: Array<{ field: string; before: unknown; after: unknown }>;
  before: Json | null;
  after: Json | null;
}

/** The audit log: who changed what and when, before and after, recorded by the worker from the changes' events (API + worker). */
describe('audit log (API + worker)', () => {
  const system = new ApiWithWorker({ name: 'audit', users: ['rep', 'rep2', 'manager', 'admin'] });
  const { call, ids } = system;
  let dealId: string;

  beforeAll(async () => {
    await system.start();
    dealId = await system.createDeal('Audit');
  });
  afterAll(() => system.stop());

  const entries = async (query = '') => (await call('admin', 'GET', `/api/v1/audit${query}`)).json<{ items: Entry[]; nextBefore: string | null }>();
  const untilEntries = (query: string, count: number) =>
    waitUntil(async () => ((await entries(query)).items.length >= count ? (await entries(query)).items : null), { timeoutMs: 20_000, describe: async () => JSON.stringify((await entries(query)).items.map((e) => e.action)) });
  const lineItems = (title: string) => ({ title, dealId, expiresOn: '2099-12-31', lineItems: [{ productName: 'Design', quantity: 1, unitPrice: '1000.00' }] });

  it('records each change of the approval settings with who, when, before and after', async () => {
    expect((await call('admin', 'PUT', '/api/v1/approvals/settings', { requireApproval: false, defaultApproverId: ids['manager'], rules: [] })).statusCode).toBe(200);
    expect((await call('admin', 'PUT', '/api/v1/approvals/settings', { requireApproval: true, defaultApproverId: ids['manager'], rules: [], version: 1 })).statusCode).toBe(200);
    const [second, first] = await untilEntries('?subjectType=approval-settings', 2);
    expect(first).toMatchObject({ action: 'approvals.settings.changed', actor: { type: 'user', id: ids['admin'] }, before: null, after: { requireApproval: false, defaultApproverId: ids['manager'] } });
    expect(second).toMatchObject({ action: 'approvals.settings.changed', actor: { type: 'user', id: ids['admin'] }, before: { requireApproval: false }, after: { requireApproval: true } });
    expect(second.changes).toEqual([
      { field: 'approvalsActive', before: false, after: true },
      { field: 'requireApproval', before: false, after: true },
    ]);
    expect(Date.parse(second.occurredAt)).toBeGreaterThanOrEqual(Date.parse(first.occurredAt));
  });

  it('records a quote\'s submission, the decision and the edits after its round opened, not a draft\'s edits', async () => {
    const draft = (await call('rep', 'POST', '/api/v1/quotes', lineItems('Never submitted'))).json<{ id: string }>();
    const renamed = await call('rep', 'PUT', `/api/v1/quotes/${draft.id}`, { ...lineItems('Never submitted, renamed'), version: 1 });
    expect(renamed.statusCode, renamed.body).toBe(200);

    const createdId = (await call('rep', 'POST', '/api/v1/quotes', lineItems('Audited quote'))).json<{ id: string }>().id;
    const created = (await call('rep', 'GET', `/api/v1/quotes/${createdId}`)).json<{ id: string; number: string }>();
    expect(created.number).toMatch(/^Q-\d{4}-\d{4}$/);
    expect((await call('rep', 'POST', `/api/v1/quotes/${created.id}/submit`, { version: 1 })).json()).toMatchObject({ status: 'pending_approval' });
    await waitUntil(async () => (await call('manager', 'GET', `/api/v1/approvals/quotes/${created.id}`)).statusCode === 200, { timeoutMs: 20_000 });
    expect((await call('manager', 'POST', `/api/v1/approvals/quotes/${created.id}/request-changes`, { round: 1, notes: 'Rename it' })).statusCode).toBe(200);
    const changesRequested = await waitUntil(async () => {
      const q = (await call('rep', 'GET', `/api/v1/quotes/${created.id}`)).json<{ status: string; version: number }>();
      return q.status === 'changes_requested' ? q : null;
    }, { timeoutMs: 20_000 });
    expect((await call('rep', 'PUT', `/api/v1/quotes/${created.id}`, { ...lineItems('Audited quote, renamed'), version: changesRequested.version })).statusCode).toBe(200);

    const [edited, submitted] = await untilEntries(`?subjectType=quote&subjectId=${created.id}`, 2);
    expect(submitted).toMatchObject({ action: 'quotes.quote.submitted', actor: { type: 'user', id: ids['rep'] }, subject: { type: 'quote', id: created.id, label: created.number }, before: null, after: { title: 'Audited quote', status: 'pending_approval' } });
    expect(edited).toMatchObject({ action: 'quotes.quote.updated', actor: { type: 'user', id: ids['rep'] }, subject: { label: created.number } });
    expect(edited.changes).toEqual([
      { field: 'status', before: 'pending_approval', after: 'changes_requested' },
      { field: 'title', before: 'Audited quote', after: 'Audited quote, renamed' },
    ]);
    const [decision] = await untilEntries('?subjectType=approval-request', 1);
    expect(decision).toMatchObject({ action: 'approvals.request.changes-requested', actor: { type: 'user', id: ids['manager'] }, after: { quoteId: created.id, round: 1, decision: 'changes_requested', notes: 'Rename it' } });
    expect((await entries(`?subjectType=quote&subjectId=${draft.id}`)).items).toEqual([]);
  });

  it('records workflows whole, before and after, without their webhook secrets', async () => {
    const definition = workflowBody({
      name: 'Tell the CRM',
      trigger: { type: 'status_becomes', status: 'published' },
      actions: [{ key: 'send_webhook', params: { url: 'https://crm.example.com/hooks/quotes' } }],
    });
    const created = await call('admin', 'POST', '/api/v1/workflows', definition);
    expect(created.statusCode).toBe(201);
    const workflow = created.json<{ id: string; version: number; actions: Array<{ params: Record<string, unknown> }>; issuedSecrets: Array<{ secret: string }> }>();
    const secret = workflow.issuedSecrets[0].secret;
    expect(secret).toMatch(/^whsec_/);
    const edited = await call('admin', 'PUT', `/api/v1/workflows/${workflow.id}`, { ...definition, enabled: false, actions: [{ key: 'send_webhook', params: { ...workflow.actions[0].params } }], version: workflow.version });
    expect(edited.statusCode).toBe(200);

    const [changed, first] = await untilEntries(`?subjectType=workflow&subjectId=${workflow.id}`, 2);
    expect(first).toMatchObject({ action: 'workflows.workflow.created', actor: { type: 'user', id: ids['admin'] }, subject: { label: 'Tell the CRM' }, before: null, after: { name: 'Tell the CRM', enabled: true } });
    expect(changed).toMatchObject({ action: 'workflows.workflow.changed', actor: { type: 'user', id: ids['admin'] } });
    expect(changed.changes).toEqual([{ field: 'enabled', before: true, after: false }]);
    expect(JSON.stringify([first, changed])).not.toContain(secret);
  });

  it('records users\' role and state and API tokens, with who did it', async () => {
    expect((await call('admin', 'PATCH', `/api/v1/users/${ids['rep2']}`, { role: 'manager' })).statusCode).toBe(200);
    expect((await call('admin', 'POST', `/api/v1/users/${ids['rep2']}/deactivate`)).statusCode).toBe(200);
    const token = (await call('rep', 'POST', '/api/v1/me/api-tokens', { name: 'Nightly export' })).json<{ id: string; token: string }>();
    expect((await call('rep', 'DELETE', `/api/v1/me/api-tokens/${token.id}`)).statusCode).toBeLessThan(300);

    // Newest first: the seed created rep2 (as the system), then the admin promoted and deactivated them.
    const [deactivated, promoted, created] = await untilEntries(`?subjectType=user&subjectId=${ids['rep2']}`, 3);
    expect(created).toMatchObject({ action: 'identity.user.created', actor: { type: 'system', id: null }, before: null, after: { email: 'rep2@example.com', role: 'rep', active: true } });
    expect(promoted).toMatchObject({ action: 'identity.user.role-changed', actor: { id: ids['admin'] }, subject: { label: 'rep2@example.com' } });
    expect(promoted.changes).toEqual([{ field: 'role', before: 'rep', after: 'manager' }]);
    expect(deactivated).toMatchObject({ action: 'identity.user.deactivated', actor: { id: ids['admin'] } });
    expect(deactivated.changes).toEqual([{ field: 'active', before: true, after: false }]);

    const [revoked, issued] = await untilEntries(`?subjectType=api-token&subjectId=${token.id}`, 2);
    expect(issued).toMatchObject({ action: 'identity.api-token.created', actor: { id: ids['rep'] }, subject: { label: 'Nightly export' }, after: { userId: ids['rep'], revoked: false } });
    expect(revoked).toMatchObject({ action: 'identity.api-token.revoked', actor: { id: ids['rep'] } });
    expect(revoked.changes).toEqual([{ field: 'revoked', before: false, after: true }]);
    expect(JSON.stringify([issued, revoked])).not.toContain(token.token);
  });

  it('keeps the entries when the outbox is purged, and pages newest first', async () => {
    const connection = system.api.app.get(MikroORM).em.fork().getConnection();
    // Everything published so far is handled (the audit entries are all written).
    await system.waitUntilQuiet();
    const before = (await entries('?limit=200')).items;
    expect(before.length).toBeGreaterThanOrEqual(5);
    await connection.execute('delete from messaging_inbox');
    await connection.execute('delete from messaging_outbox');
    expect((await entries('?limit=200')).items).toEqual(before);

    const firstPage = await entries('?limit=2');
    expect(firstPage.items.map((e) => e.id)).toEqual(before.slice(0, 2).map((e) => e.id));
    const secondPage = await entries(`?limit=2&before=${firstPage.nextBefore}`);
    expect(secondPage.items.map((e) => e.id)).toEqual(before.slice(2, 4).map((e) => e.id));
    expect((await entries(`?actorId=${ids['manager']}`)).items.map((e) => e.action)).toEqual(['approvals.request.changes-requested']);
    expect((await entries(`?actorId=${ids['rep']}&subjectType=api-token`)).items.map((e) => e.action)).toEqual(['identity.api-token.revoked', 'identity.api-token.created']);
  });

  it('shows the log to admins only, and refuses bad filters with the field', async () => {
    for (const who of ['rep', 'manager']) expect((await call(who, 'GET', '/api/v1/audit')).statusCode).toBe(403);
    expect((await system.api.request({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(401);
    for (const [query, field] of [['?limit=0', 'limit'], ['?limit=abc', 'limit'], ['?before=nope', 'before'], ['?actorId=1', 'actorId'], ['?subjectType=Quote%20X', 'subjectType']]) {
      const response = await call('admin', 'GET', `/api/v1/audit${query}`);
      expect({ query, status: response.statusCode, field: response.json<{ details: { fields: Array<{ field: string }> } }>().details?.fields?.[0]?.field }).toEqual({ query, status: 400, field });
    }
  });
});
