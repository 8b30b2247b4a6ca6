import { MikroORM } from '@mikro-orm/core';
import { waitUntil } from '@qa/shared-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiWithWorker } from '../testing/api-with-worker';

interface Line {
  seq: number;
  eventId: string;
  occurredAt: string;
  kind: string;
  quoteId: string | null;
  actor: { type: string; id: string | null };
  payload: Record<string, unknown>;
  prevHash: string;
  hash: string;
}
type Verdict = { ok: boolean; entries?: number; lastHash?: string; seq?: number; problem?: string; reason?: string };

/** The approval ledger: appended by the worker from real approvals, exported and verified over HTTP, tampering named. */
describe('approval ledger (API + worker)', () => {
  const system = new ApiWithWorker({ name: 'ledger', users: ['rep', 'manager', 'admin'] });
  const { call, ids } = system;
  let dealId: string;
  const quotes: Record<'approved' | 'sentBack', string> = { approved: '', sentBack: '' };

  beforeAll(async () => {
    await system.start();
    dealId = await system.createDeal('Ledger');
  });
  afterAll(() => system.stop());

  const sql = (text: string, params: unknown[] = []) => system.api.app.get(MikroORM).em.fork().getConnection().execute(text, params as never[]);
  const jsonl = async (query: string): Promise<Line[]> => {
    const response = await call('admin', 'GET', `/api/v1/audit/ledger/export?format=jsonl${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.body.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Line);
  };
  const verify = async () => (await call('admin', 'POST', '/api/v1/audit/ledger/verify')).json<Verdict>();
  const submitted = async (title: string) => {
    const id = (await call('rep', 'POST', '/api/v1/quotes', { title, dealId, expiresOn: '2099-12-31', lineItems: [{ productName: 'Design', quantity: 1, unitPrice: '1000.00' }] })).json<{ id: string }>().id;
    expect((await call('rep', 'POST', `/api/v1/quotes/${id}/submit`, { version: 1 })).json()).toMatchObject({ status: 'pending_approval' });
    await waitUntil(async () => (await call('manager', 'GET', `/api/v1/approvals/quotes/${id}`)).statusCode === 200, { timeoutMs: 20_000 });
    return id;
  };

  it('appends the policy change, each submission, resolved route and decision, in order and chained', async () => {
    expect((await call('admin', 'PUT', '/api/v1/approvals/settings', { requireApproval: true, defaultApproverId: ids['manager'], rules: [] })).statusCode).toBe(200);
    quotes.approved = await submitted('Ledger approved');
    expect((await call('manager', 'POST', `/api/v1/approvals/quotes/${quotes.approved}/approve`, { round: 1, notes: 'Fine' })).statusCode).toBe(200);
    quotes.sentBack = await submitted('Ledger sent back');
    expect((await call('manager', 'POST', `/api/v1/approvals/quotes/${quotes.sentBack}/request-changes`, { round: 1, notes: 'Cheaper' })).statusCode).toBe(200);
    await system.waitUntilQuiet();

    const all = await jsonl('');
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
    expect(all[0]).toMatchObject({ kind: 'policy-changed', quoteId: null, actor: { type: 'user', id: ids['admin'] }, payload: { requireApproval: true, policyVersion: 1 }, prevHash: '0'.repeat(64) });
    const ofQuote = (id: string) => all.filter((e) => e.quoteId === id);
    expect(ofQuote(quotes.approved).map((e) => [e.kind, e.actor.id])).toEqual([
      ['submitted', ids['rep']],
      ['route-resolved', null],
      ['approved', ids['manager']],
    ]);
    expect(ofQuote(quotes.sentBack).map((e) => e.kind)).toEqual(['submitted', 'route-resolved', 'changes-requested']);
    const route = ofQuote(quotes.approved)[1].payload;
    expect(route).toMatchObject({ round: 1, approverIds: [ids['manager']], policyVersion: 1, route: { policyVersion: 1, steps: [{ groups: [{ approverIds: [ids['manager']] }] }] } });
    expect(ofQuote(quotes.approved)[2].payload).toMatchObject({ decidedBy: ids['manager'], notes: 'Fine' });
    for (let i = 1; i < all.length; i++) expect(all[i].prevHash).toBe(all[i - 1].hash);
    expect(await verify()).toEqual({ ok: true, entries: all.length, lastHash: all[all.length - 1].hash });
  });

  it('exports by quote and by date range as JSON Lines and CSV, as a download', async () => {
    const all = await jsonl('');
    expect((await jsonl(`&quoteId=${quotes.sentBack}`)).map((e) => e.seq)).toEqual(all.filter((e) => e.quoteId === quotes.sentBack).map((e) => e.seq));
    const [, second, third] = all;
    expect((await jsonl(`&from=${encodeURIComponent(second.occurredAt)}&to=${encodeURIComponent(third.occurredAt)}`)).map((e) => e.seq)).toEqual(
      all.filter((e) => e.occurredAt >= second.occurredAt && e.occurredAt < third.occurredAt).map((e) => e.seq),
    );
    expect(await jsonl('&from=2000-01-01&to=2000-01-31')).toEqual([]);

    const csv = await call('admin', 'GET', `/api/v1/audit/ledger/export?format=csv&quoteId=${quotes.approved}`);
    expect([csv.statusCode, csv.headers['content-type'], csv.headers['content-disposition']]).toEqual([200, 'text/csv; charset=utf-8', 'attachment; filename="approval-ledger.csv"']);
    const records = csv.body.split('\r\n').filter(Boolean);
    expect(records[0]).toBe('seq,event_id,occurred_at,recorded_at,kind,quote_id,actor_type,actor_id,payload,prev_hash,hash');
    const mine = all.filter((e) => e.quoteId === quotes.approved);
    expect(records.slice(1).map((r) => [Number(r.split(',')[0]), r.split(',')[4], r.slice(-64)])).toEqual(mine.map((e) => [e.seq, e.kind, e.hash]));
    const jsonlHead = await call('admin', 'GET', '/api/v1/audit/ledger/export');
    expect([jsonlHead.headers['content-type'], jsonlHead.headers['content-disposition']]).toEqual(['application/x-ndjson; charset=utf-8', 'attachment; filename="approval-ledger.jsonl"']);
  });

  it('verify names a row changed, removed or inserted in the database', async () => {
    const all = await jsonl('');
    const target = all.find((e) => e.kind === 'approved')!;
    const [row] = (await sql('select * from audit_ledger where seq = ?', [target.seq])) as Array<Record<string, unknown>>;

    await sql('update audit_ledger set payload = ? where seq = ?', ['{"decidedBy":"someone-else"}', target.seq]);
    expect(await verify()).toMatchObject({ ok: false, seq: target.seq, problem: 'changed', reason: 'hash-mismatch' });
    await sql('update audit_ledger set payload = ? where seq = ?', [row['payload'], target.seq]);
    expect(await verify()).toMatchObject({ ok: true });

    await sql('delete from audit_ledger where seq = ?', [target.seq]);
    expect(await verify()).toMatchObject({ ok: false, seq: target.seq, problem: 'removed', reason: 'seq-gap' });
    const columns = Object.keys(row);
    await sql(`insert into audit_ledger (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`, columns.map((c) => row[c]));
    expect(await verify()).toMatchObject({ ok: true });

    const last = all[all.length - 1];
    await sql(`insert into audit_ledger (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`, columns.map((c) => ({ ...row, seq: last.seq + 1, event_id: '0193a1b2-0000-7000-8000-00000000f0f0', prev_hash: 'f'.repeat(64) })[c]));
    expect(await verify()).toMatchObject({ ok: false, seq: last.seq + 1, problem: 'inserted' });
    await sql('delete from audit_ledger where seq = ?', [last.seq + 1]);
    expect(await verify()).toEqual({ ok: true, entries: all.length, lastHash: last.hash });
  });

  it('outlives outbox purges', async () => {
    const before = await jsonl('');
    await system.waitUntilQuiet();
    await sql('delete from messaging_inbox');
    await sql('delete from messaging_outbox');
    expect(await jsonl('')).toEqual(before);
    expect(await verify()).toMatchObject({ ok: true, entries: before.length });
  });

  it('is for admins only, and names a bad filter', async () => {
    for (const who of ['rep', 'manager']) {
      expect((await call(who, 'GET', '/api/v1/audit/ledger/export')).statusCode).toBe(403);
      expect((await call(who, 'POST', '/api/v1/audit/ledger/verify')).statusCode).toBe(403);
    }
    expect((await system.api.request({ method: 'GET', url: '/api/v1/audit/ledger/export' })).statusCode).toBe(401);
    for (const [query, status, field] of [['from=yesterday', 422, 'from'], ['to=2026-02-30', 422, 'to'], ['from=2026-12-02&to=2026-12-01', 422, 'to'], ['quoteId=nope', 422, 'quoteId'], ['format=xml', 400, 'format']] as const) {
      const response = await call('admin', 'GET', `/api/v1/audit/ledger/export?${query}`);
      expect({ query, status: response.statusCode, field: response.json<{ details: { fields: Array<{ field: string }> } }>().details?.fields?.[0]?.field }).toEqual({ query, status, field });
    }
  });
});
