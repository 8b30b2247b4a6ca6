import { MikroORM } from '@mikro-orm/core';
import { AppendToLedgerWhenApprovalEventHappensHandler, ExportLedgerHandler, ExportLedgerQuery } from '@qa/audit-application';
import { ledgerHash, type LedgerEntry } from '@qa/audit-domain';
import { MikroOrmLedgerRepository } from '@qa/audit-infrastructure';
import { databaseOptions, migrateDatabase } from '@qa/platform-database';
import type { DatabaseConfig } from '@qa/shared-config';
import { ManualClock, type IntegrationEvent } from '@qa/shared-kernel';
import { createTestDatabase, type TestDatabase } from '@qa/shared-testing';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedgerOf } from './verify-ledger';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const Q1 = '0193a1b2-0000-7000-8000-0000000000a1';
const Q2 = '0193a1b2-0000-7000-8000-0000000000a2';
let sequence = 0;

/** An integration event as the outbox hands it over, at 2026-12-03 10:00 + `minutes`. */
function event(name: string, payload: Record<string, unknown>, minutes: number, actorId: string | null = 'u-rep'): IntegrationEvent {
  sequence += 1;
  return {
    id: `0193a1b2-0000-7000-8000-${String(sequence).padStart(12, '0')}`,
    name: name as IntegrationEvent['name'],
    occurredAt: new Date(Date.UTC(2026, 11, 3, 10, minutes, 0, 123)).toISOString(),
    aggregateType: 'test',
    aggregateId: 'a1',
    aggregateVersion: 3,
    actor: actorId ? { type: 'user', id: actorId } : { type: 'system', id: null },
    correlationId: `c${sequence}`,
    payload,
  };
}
const quote = (quoteId: string, status: string) => ({ quoteId, number: 'Q-2026-0001', title: 'Ünïcode “quotes”, commas', ownerId: 'u-rep', status, previousStatus: 'draft', currency: 'EUR', totalMinor: 1250000, effectiveDiscountBp: 1500, largestLineDiscountBp: 2000, dealId: null, expiresOn: '2026-12-31' });
const request = (quoteId: string) => ({ requestId: 'r1', quoteId, round: 1, ownerId: 'u-rep', approverIds: ['u-m'], step: 1, steps: 1, notes: null, decidedBy: null });
const route = { policyVersion: 2, steps: [{ groups: [{ approverIds: ['u-m'], mode: 'any', refs: [{ kind: 'role', role: 'manager' }], ruleIds: ['big'], notes: [] }] }], rules: [{ ruleId: 'big', ruleName: 'Over 10,000', reasons: [{ code: 'condition', field: 'total', operator: 'gt', expected: '10000.00', actual: '12500.00', currency: 'EUR' }] }] };

function scenario(): IntegrationEvent[] {
  return [
    event('quotes.quote.submitted.v1', quote(Q1, 'pending_approval'), 1),
    event('approvals.request.opened.v1', { ...request(Q1), route }, 2, null),
    event('approvals.request.approved.v1', { ...request(Q1), decidedBy: 'u-m', notes: 'OK, "fine"', limits: null }, 3, 'u-m'),
    event('quotes.quote.submitted.v1', quote(Q2, 'pending_approval'), 4),
    event('quotes.quote.signed.v1', { ...quote(Q1, 'signed'), signerName: 'Pat', signerEmail: 'pat@example.com' }, 5, null),
    event('approvals.settings.changed.v1', { requireApproval: true, defaultApproverId: 'u-m', approvalsActive: true }, 24 * 60, 'u-admin'),
  ];
}

/** One delivery: the reaction in a transaction of its own, as the event delivery workers run it. */
const deliver = (orm: MikroORM, e: IntegrationEvent) =>
  orm.em.fork().transactional((tx) => new AppendToLedgerWhenApprovalEventHappensHandler(new MikroOrmLedgerRepository(tx), new ManualClock('2026-12-04T09:00:00Z')).handle(e));
const rows = async (orm: MikroORM) => orm.em.fork().find<LedgerEntry>('LedgerEntry', {}, { orderBy: { seq: 'asc' } });
const exported = async (orm: MikroORM, filter: ConstructorParameters<typeof ExportLedgerQuery>[0]) => {
  const seqs: number[] = [];
  for await (const e of await new ExportLedgerHandler(new MikroOrmLedgerRepository(orm.em)).execute(new ExportLedgerQuery(filter))) seqs.push(e.seq);
  return seqs;
};

const dialects: Array<[string, () => Promise<{ database: DatabaseConfig; drop(): Promise<void> }>]> = [
  ['SQLite', async () => ({ database: { kind: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'qa-ledger-')), 'ledger.sqlite') }, drop: async () => undefined })],
  [
    'PostgreSQL',
    async () => {
      const db: TestDatabase = await createTestDatabase('qa_ledger');
      return { database: { kind: 'postgresql', url: db.url }, drop: () => db.drop() };
    },
  ],
];

describe.each(dialects)('the approval ledger on %s', (_name, create) => {
  let database: DatabaseConfig;
  let drop: () => Promise<void>;
  let orm: MikroORM;
  let sql: (text: string, params?: unknown[]) => Promise<unknown>;

  beforeAll(async () => {
    ({ database, drop } = await create());
    await migrateDatabase(database);
    orm = await MikroORM.init(databaseOptions(database, { poolMax: 25 }));
    sql = (text, params = []) => orm.em.fork().getConnection().execute(text, params as never[]);
  });
  afterAll(async () => {
    await orm?.close(true);
    await drop?.();
  });

  it('appends each event once, chained; exports by quote and date range; verifies', async () => {
    const events = scenario();
    for (const e of events) await deliver(orm, e);
    await deliver(orm, events[2]); // redelivered: appends nothing (event id unique)
    const stored = await rows(orm);
    expect(stored.map((r) => [r.seq, r.kind, r.quoteId])).toEqual([
      [1, 'submitted', Q1],
      [2, 'route-resolved', Q1],
      [3, 'approved', Q1],
      [4, 'submitted', Q2],
      [5, 'signed', Q1],
      [6, 'policy-changed', null],
    ]);
    expect(JSON.parse(stored[1].payload)).toMatchObject({ policyVersion: 2, route });
    expect(stored.every((r) => ledgerHash(r, sha256) === r.hash)).toBe(true);
    expect(new Date(stored[0].occurredAt).toISOString()).toBe('2026-12-03T10:01:00.123Z');
    expect(await exported(orm, { quoteId: Q1 })).toEqual([1, 2, 3, 5]);
    expect(await exported(orm, { from: '2026-12-03T10:02:00.123Z', to: '2026-12-03T10:05:00Z' })).toEqual([2, 3, 4]);
    expect(await exported(orm, { from: '2026-12-04', to: '2026-12-04' })).toEqual([6]);
    expect(await verifyLedgerOf(database)).toEqual({ ok: true, entries: 6, lastHash: stored[5].hash });
  });

  it('names a row edited in the database as changed', async () => {
    const [, , third] = await rows(orm);
    await sql('update audit_ledger set payload = ? where seq = 3', [third.payload.replace('OK', 'Rejected')]);
    expect(await verifyLedgerOf(database)).toEqual({ ok: false, seq: 3, problem: 'changed', reason: 'hash-mismatch', eventId: third.eventId, checked: 2 });
    await sql('update audit_ledger set payload = ? where seq = 3', [third.payload]);
    expect(await verifyLedgerOf(database)).toMatchObject({ ok: true, entries: 6 });
  });

  it('names a row deleted from the database as removed', async () => {
    const [, , , fourth] = await rows(orm);
    await sql('delete from audit_ledger where seq = 4');
    expect(await verifyLedgerOf(database)).toEqual({ ok: false, seq: 4, problem: 'removed', reason: 'seq-gap', eventId: null, checked: 3 });
    await orm.em.fork().insert('LedgerEntry', { ...fourth });
    expect(await verifyLedgerOf(database)).toMatchObject({ ok: true, entries: 6 });
  });

  it('names a row inserted into the database as inserted: between rows (the rest renumbered) or at the end', async () => {
    const before = await rows(orm);
    const forgedContent = { seq: 3, eventId: '0193a1b2-0000-7000-8000-00000000f0f0', occurredAt: new Date('2026-12-03T10:02:30Z'), kind: 'approved' as const, quoteId: Q2, actorType: 'user', actorId: 'u-mallory', payload: '{"decidedBy":"u-mallory"}', prevHash: before[1].hash };
    await sql('update audit_ledger set seq = seq + 1000 where seq >= 3');
    await sql('update audit_ledger set seq = seq - 999 where seq >= 1003');
    await orm.em.fork().insert('LedgerEntry', { ...forgedContent, recordedAt: new Date(), hash: ledgerHash(forgedContent, sha256) });
    expect(await verifyLedgerOf(database)).toEqual({ ok: false, seq: 3, problem: 'inserted', reason: 'shifted', eventId: null, checked: 3 });
    await sql('delete from audit_ledger where seq = 3');
    await sql('update audit_ledger set seq = seq + 1000 where seq >= 4');
    await sql('update audit_ledger set seq = seq - 1001 where seq >= 1004');
    expect(await verifyLedgerOf(database)).toMatchObject({ ok: true, entries: 6 });

    const atEnd = { ...forgedContent, seq: 7, prevHash: before[4].hash };
    await orm.em.fork().insert('LedgerEntry', { ...atEnd, recordedAt: new Date(), hash: ledgerHash(atEnd, sha256) });
    expect(await verifyLedgerOf(database)).toEqual({ ok: false, seq: 7, problem: 'inserted', reason: 'broken-link', eventId: forgedContent.eventId, checked: 6 });
    await sql('delete from audit_ledger where seq = 7');
  });

  it('npm run ledger:verify prints the verdict and exits 1 when the chain is broken', async () => {
    const run = () =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const env = { ...process.env, ...(database.kind === 'sqlite' ? { SQLITE_PATH: database.path, DATABASE_URL: '' } : { DATABASE_URL: database.url }) };
        execFile('node', ['tools/launcher/run-ts.cjs', 'tools/ledger/verify.ts'], { env }, (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, out: stdout + stderr }));
      });
    const ok = await run();
    expect([ok.code, ok.out]).toEqual([0, expect.stringContaining('ledger OK: 6 entries')]);
    await sql('update audit_ledger set actor_id = ? where seq = 2', ['u-mallory']);
    const broken = await run();
    expect([broken.code, broken.out]).toEqual([1, expect.stringContaining('ledger BROKEN: entry 2 was changed')]);
    await sql('update audit_ledger set actor_id = null where seq = 2');
  });
});

describe('the approval ledger under concurrent deliveries (PostgreSQL)', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await createTestDatabase('qa_ledger_burst');
    await migrateDatabase({ kind: 'postgresql', url: db.url });
    orm = await MikroORM.init(databaseOptions({ kind: 'postgresql', url: db.url }, { poolMax: 25 }));
    await deliver(orm, scenario()[0]);
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('appends 20 events delivered at once without a gap or a fork', async () => {
    const start = (await rows(orm)).length;
    const burst = Array.from({ length: 20 }, (_, i) => event('approvals.request.changes-requested.v1', { ...request(Q2), requestId: `burst-${i}`, decidedBy: 'u-m', notes: `n${i}` }, 10, 'u-m'));
    await Promise.all(burst.map((e) => deliver(orm, e)));
    await Promise.all(burst.slice(0, 5).map((e) => deliver(orm, e))); // redelivered at once: nothing new
    const stored = await rows(orm);
    expect(stored.map((r) => r.seq)).toEqual(Array.from({ length: start + 20 }, (_, i) => i + 1));
    expect(new Set(stored.map((r) => r.prevHash)).size).toBe(stored.length);
    expect(new Set(stored.slice(start).map((r) => r.eventId))).toEqual(new Set(burst.map((e) => e.id)));
    expect(await verifyLedgerOf({ kind: 'postgresql', url: db.url })).toEqual({ ok: true, entries: start + 20, lastHash: stored[stored.length - 1].hash });
  });
});
