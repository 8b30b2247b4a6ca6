import { MikroORM } from '@mikro-orm/core';
import type { DatabaseConfig } from '@qa/shared-config';
import { createTestDatabase } from '@qa/shared-testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseOptions } from './database-options';

/** The last migration before approval routes: the old rows are written at this schema. */
const BEFORE_ROUTES = '20261203061915-quotes-payment-terms';
const ROUTES = '20261203063700-approvals-routes';

const REP = '01900000-0000-7000-8000-000000000001';
const MAX = '01900000-0000-7000-8000-000000000002';
const MIA = '01900000-0000-7000-8000-000000000003';
const ADMIN = '01900000-0000-7000-8000-000000000004';
const QUOTE = '01900000-0000-7000-8000-0000000000a1';
const ROUND = '01900000-0000-7000-8000-0000000000b1';
const REASON = 'discount 25.00% > 20%';

/** Old rules (lower priority first; the first match decided), saved out of priority order. */
const OLD_RULES = [
  { id: 'everything', name: 'Everything', priority: 2, conditions: [], approverIds: [ADMIN], mode: 'all' },
  { id: 'big', name: 'Big discounts', priority: 1, conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: '20' }], approverIds: [MAX, MIA], mode: 'any' },
];

/** The one step of one group every old round was: these approvers, all of them, for the old reason. */
const legacyRoute = (ruleName: string) => ({
  policyVersion: 0,
  steps: [{ groups: [{ approverIds: [MAX, MIA], mode: 'all', refs: [{ kind: 'user', userId: MAX }, { kind: 'user', userId: MIA }], ruleIds: [], notes: [] }] }],
  rules: [{ ruleId: '', ruleName, reasons: [{ code: 'legacy', text: REASON }] }],
});

/**
 * The approvals-routes migration rewrites what was saved before routes (old approval rules, old
 * rounds, old routes kept with quotes) in the route form, on both databases: the old rows are
 * written at the schema just before it, then the rest of the migrations run.
 */
async function upgradeOldRows(database: DatabaseConfig): Promise<void> {
  const orm = await MikroORM.init(databaseOptions(database, { poolMax: 1 }));
  try {
    const migrator = orm.getMigrator();
    expect((await migrator.up({ to: BEFORE_ROUTES })).at(-1)?.name).toBe(BEFORE_ROUTES);
    expect((await migrator.getPendingMigrations())[0]?.name).toBe(ROUTES);

    const sql = orm.em.getConnection();
    const json = (value: unknown) => JSON.stringify(value);
    const at = '2026-12-01T10:00:00.000Z';
    await sql.execute(`insert into approvals_settings (id, version, require_approval, default_approver_id, rules, updated_at) values (?, ?, ?, ?, ?, ?)`, [
      'default',
      3,
      false,
      null,
      json(OLD_RULES),
      at,
    ]);
    await sql.execute(
      `insert into approvals_request (id, quote_id, quote_version, round, owner_id, submitted_by, approver_ids, mode, reasons, status, decisions, snapshot, opened_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [ROUND, QUOTE, 2, 1, REP, REP, json([MAX, MIA]), 'all', json([REASON]), 'pending', json([]), json({ title: 'Old', currency: 'EUR', total: '2250.00', quoteDiscount: null, lines: [] }), at],
    );
    await sql.execute(
      `insert into quotes_quote (id, version, number, owner_id, status, title, recipient_contact_ids, currency, expires_on, comments_for_buyer, purchase_terms, line_items, total_minor, history, created_at, updated_at, approval_route)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        QUOTE,
        2,
        'Q-2026-0001',
        REP,
        'pending_approval',
        'Old',
        json([]),
        'EUR',
        '2099-12-31',
        '',
        '',
        json([]),
        225000,
        json([]),
        at,
        at,
        json({ approverIds: [MAX, MIA], mode: 'all', reasons: [REASON], ruleName: 'Big discounts', submittedBy: REP }),
      ],
    );

    expect((await migrator.up({ to: ROUTES })).map((m) => m.name)).toEqual([ROUTES]);

    const read = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
    const [settings] = await sql.execute(`select version, rules from approvals_settings where id = 'default'`);
    expect([settings.version, read(settings.rules)]).toEqual([
      3,
      [
        {
          id: 'big',
          name: 'Big discounts',
          when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: '20' }] }],
          route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'user', userId: MAX }, { kind: 'user', userId: MIA }] }] }],
          firstMatchOnly: true,
        },
        { id: 'everything', name: 'Everything', when: [], route: [{ groups: [{ mode: 'all', approvers: [{ kind: 'user', userId: ADMIN }] }] }], firstMatchOnly: true },
      ],
    ]);

    const [round] = await sql.execute(`select * from approvals_request where id = ?`, [ROUND]);
    expect({ ...round, route: read(round.route), approver_ids: read(round.approver_ids) }).toMatchObject({ route: legacyRoute(''), current_step: 0, approver_ids: [MAX, MIA], submitted_by: REP, status: 'pending' });
    expect(Object.keys(round)).not.toContain('mode');
    expect(Object.keys(round)).not.toContain('reasons');

    const [quote] = await sql.execute(`select approval_route from quotes_quote where id = ?`, [QUOTE]);
    expect(read(quote.approval_route)).toEqual({ ...legacyRoute('Big discounts'), submittedBy: REP });

    // The code of today reads the round: one step, both approvers decide now.
    const request = (await orm.em.fork().findOneOrFail('ApprovalRequest', ROUND)) as { approversNow(): string[]; timeline(): { currentStep: number | null; steps: Array<{ state: string; groups: Array<{ approvers: Array<{ userId: string; state: string }> }> }> } };
    expect(request.approversNow()).toEqual([MAX, MIA]);
    expect(request.timeline()).toMatchObject({ currentStep: 1, steps: [{ state: 'pending', groups: [{ approvers: [{ userId: MAX, state: 'pending' }, { userId: MIA, state: 'pending' }] }] }] });
  } finally {
    await orm.close(true);
  }
}

describe('the approvals-routes migration: old approval rules, rounds and quote routes in the route form', () => {
  it('rewrites them on SQLite', async () => {
    await upgradeOldRows({ kind: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'qa-sqlite-')), 'routes.sqlite') });
  });

  it('rewrites them on PostgreSQL', async () => {
    const testDatabase = await createTestDatabase('qa_migrations');
    try {
      await upgradeOldRows({ kind: 'postgresql', url: testDatabase.url });
    } finally {
      await testDatabase.drop();
    }
  });
});
