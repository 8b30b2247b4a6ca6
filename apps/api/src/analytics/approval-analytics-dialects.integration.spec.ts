import { MikroORM } from '@mikro-orm/core';
import type { ApprovalAnalytics } from '@qa/analytics-contracts';
import { projectQuoteFacts, type AnalyticsFilter, type QuoteFacts } from '@qa/analytics-domain';
import { MikroOrmApprovalFactsStore, SqlApprovalAnalyticsReader, SqlApprovalRoundSource } from '@qa/analytics-infrastructure';
import { ApprovalRequest } from '@qa/approvals-domain';
import { databaseOptions, migrateDatabase } from '@qa/platform-database';
import type { DatabaseConfig } from '@qa/shared-config';
import { createTestDatabase } from '@qa/shared-testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const H = 3_600_000;
const t0 = Date.parse('2026-11-02T09:00:00Z');
const at = (hours: number) => new Date(t0 + hours * H);
const route = (ruleId: string) => ({
  policyVersion: 1,
  steps: [{ groups: [{ approverIds: ['max'], mode: 'any', refs: [], ruleIds: [ruleId], notes: [] }] }, { groups: [{ approverIds: ['ada'], mode: 'any', refs: [], ruleIds: [ruleId], notes: [] }] }],
  rules: [{ ruleId, ruleName: ruleId === 'r-big' ? 'Big deals' : 'Discounts', reasons: [{ code: 'always' }] }],
});
const snapshot = (net: string) => ({ title: 'Q', currency: 'EUR', total: net, quoteDiscount: null, lines: [{ id: 'l-1', productName: 'Design', quantity: 1, unitPrice: '1000.00', discount: null, net }] });
/** Rounds as approvals stores them: decisions after 1, 2, 3, 5 and 8 hours, an escalation, one round open. */
const ROUNDS = [
  { quoteId: 'q-1', round: 1, ownerId: 'rita', ruleId: 'r-disc', status: 'approved', net: '900.00', decisions: [[0, 'max', 'approve', 1], [1, 'ada', 'approve', 3]], escalatedAt: 2, decidedAt: 3 },
  { quoteId: 'q-2', round: 1, ownerId: 'remy', ruleId: 'r-big', status: 'changes_requested', net: '800.00', decisions: [[0, 'max', 'request_changes', 5]], escalatedAt: null, decidedAt: 5 },
  { quoteId: 'q-2', round: 2, ownerId: 'remy', ruleId: 'r-big', status: 'approved', net: '950.00', decisions: [[0, 'max', 'approve', 13], [1, 'ada', 'approve', 21]], escalatedAt: null, decidedAt: 21, openedAt: 5 },
  { quoteId: 'q-3', round: 1, ownerId: 'rita', ruleId: 'r-disc', status: 'pending', net: '700.00', decisions: [], escalatedAt: 30, openedAt: 24, decidedAt: null },
] as const;

async function figuresOn(database: DatabaseConfig): Promise<ApprovalAnalytics> {
  await migrateDatabase(database);
  const orm = await MikroORM.init(databaseOptions(database, { poolMax: 1 }));
  try {
    const em = orm.em.fork();
    for (const r of ROUNDS) {
      const openedAt = at('openedAt' in r ? r.openedAt : 0);
      await em.insert(ApprovalRequest, {
        id: `${r.quoteId}-${r.round}`,
        version: 1,
        quoteId: r.quoteId,
        quoteVersion: r.round,
        round: r.round,
        ownerId: r.ownerId,
        submittedBy: r.ownerId,
        approverIds: ['max', 'ada'],
        route: route(r.ruleId),
        currentStep: 0,
        status: r.status,
        decisions: r.decisions.map(([step, approverId, decision, hours]) => ({ approverId, decision, notes: null, at: at(hours).toISOString(), step })),
        activity: r.escalatedAt === null ? [] : [{ kind: 'escalated', step: 1, from: null, to: 'ada', by: null, note: null, reason: 'no-decision', at: at(r.escalatedAt).toISOString() }],
        snapshot: snapshot(r.net),
        openedAt,
        decidedAt: r.decidedAt === null ? null : at(r.decidedAt),
      } as never);
    }
    const source = new SqlApprovalRoundSource(em);
    expect(await source.quoteIdsAfter(null, 2)).toEqual(['q-1', 'q-2']);
    expect(await source.quoteIdsAfter('q-2', 2)).toEqual(['q-3']);
    const rounds = await source.roundsOf(['q-1', 'q-2', 'q-3']);
    const teams = new Map([['rita', 'Sales'], ['remy', 'Enterprise']]);
    const facts: QuoteFacts = { rounds: [], decisions: [], rules: [], escalations: [], lines: [] };
    for (const quoteId of ['q-1', 'q-2', 'q-3']) {
      const one = projectQuoteFacts(rounds.filter((r) => r.quoteId === quoteId), teams);
      for (const key of Object.keys(facts) as Array<keyof QuoteFacts>) (facts[key] as unknown[]).push(...one[key]);
    }
    const store = new MikroOrmApprovalFactsStore(em);
    // Twice: replacing a quote's facts leaves one copy.
    await store.replace(['q-1', 'q-2', 'q-3'], facts);
    await store.replace(['q-1', 'q-2', 'q-3'], facts);
    const filter: AnalyticsFilter = { from: '2026-11-01', to: '2026-11-30', team: null, ruleId: null, bucket: 'week' };
    const reader = new SqlApprovalAnalyticsReader(em);
    const all = await reader.read(filter, at(47));
    const sales = await reader.read({ ...filter, team: 'Sales', ruleId: 'r-disc', bucket: 'month' }, at(47));
    expect(sales.timeInApproval.byApprover.map((r) => [r.key, r.count])).toEqual([['ada', 1], ['max', 1]]);
    expect(sales.escalations).toEqual({ total: 2, byPeriod: [{ key: '2026-11', count: 2 }], byRule: [{ key: 'r-disc', label: 'Discounts', count: 2 }] });
    return all;
  } finally {
    await orm.close(true);
  }
}

const stats = (key: string, label: string, count: number, medianHours: number, p90Hours: number) => ({ key, label, count, medianHours, p90Hours });

/** The same history gives the same figures on SQLite (percentiles in TypeScript) and PostgreSQL (percentile_cont). */
describe('approval analytics on both databases', () => {
  it('answers the same exact figures on SQLite and PostgreSQL', async () => {
    const sqlite = await figuresOn({ kind: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'qa-sqlite-')), 'test.sqlite') });
    const testDatabase = await createTestDatabase('qa_analytics_dialects');
    let postgres: ApprovalAnalytics;
    try {
      postgres = await figuresOn({ kind: 'postgresql', url: testDatabase.url });
    } finally {
      await testDatabase.drop();
    }
    expect(postgres).toEqual(sqlite);
    // Decisions: max after 1, 5 and 8 hours (q-2 round 2 opened at hour 5), ada after 2 and 8 (from her step's start).
    expect(sqlite.timeInApproval.byApprover).toEqual([stats('ada', 'ada', 2, 5, 7.4), stats('max', 'max', 3, 5, 7.4)]);
    expect(sqlite.timeInApproval.byStep).toEqual([stats('1', '1', 3, 5, 7.4), stats('2', '2', 2, 5, 7.4)]);
    expect(sqlite.timeInApproval.byRule).toEqual([stats('r-big', 'Big deals', 3, 8, 8), stats('r-disc', 'Discounts', 2, 1.5, 1.9)]);
    expect(sqlite.timeInApproval.byTeam).toEqual([stats('Enterprise', 'Enterprise', 3, 8, 8), stats('Sales', 'Sales', 2, 1.5, 1.9)]);
    expect(sqlite.timeInApproval.overTime).toEqual([stats('2026-11-02', '2026-11-02', 5, 5, 8)]);
    expect(sqlite.slowestApprovers.map((r) => r.key)).toEqual(['ada', 'max']);
    expect(sqlite.openByAge).toEqual([
      { bucket: 'lt1d', count: 1 },
      { bucket: '1to3d', count: 0 },
      { bucket: '3to7d', count: 0 },
      { bucket: 'gt7d', count: 0 },
    ]);
    expect(sqlite.rates).toEqual({ decided: 3, approved: 2, changesRequested: 1, approvedPercent: 66.7, changesRequestedPercent: 33.3 });
    expect(sqlite.leakage.byRep).toEqual([
      { key: 'remy', label: 'remy', currency: 'EUR', count: 1, requestedPercent: 20, approvedPercent: 5, requestedDiscountMinor: 20000, approvedDiscountMinor: 5000 },
      { key: 'rita', label: 'rita', currency: 'EUR', count: 1, requestedPercent: 10, approvedPercent: 10, requestedDiscountMinor: 10000, approvedDiscountMinor: 10000 },
    ]);
    expect(sqlite.leakage.byProduct).toEqual([{ key: 'Design', label: 'Design', currency: 'EUR', count: 2, requestedPercent: 15, approvedPercent: 7.5, requestedDiscountMinor: 30000, approvedDiscountMinor: 15000 }]);
    expect(sqlite.escalations).toEqual({ total: 2, byPeriod: [{ key: '2026-11-02', count: 2 }], byRule: [{ key: 'r-disc', label: 'Discounts', count: 2 }] });
    expect(sqlite.options).toEqual({ teams: ['Enterprise', 'Sales'], rules: [{ id: 'r-big', name: 'Big deals' }, { id: 'r-disc', name: 'Discounts' }] });
  });
});
