import { MikroORM } from '@mikro-orm/core';
import type { DatabaseConfig } from '@qa/shared-config';
import { createTestDatabase } from '@qa/shared-testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseOptions } from './database-options';

/** The last migration before policy versions: the settings are written at this schema. */
const BEFORE_VERSIONS = '20261203160856-notification-preferences';
const VERSIONS = '20261203182508-approvals-policy-versions';
const ADMIN = '01900000-0000-7000-8000-000000000001';
const MANAGER = '01900000-0000-7000-8000-000000000002';

const RULES = [
  {
    id: 'big',
    name: 'Big discounts',
    when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 20 }] }],
    route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'user', userId: MANAGER }] }] }],
    firstMatchOnly: true,
  },
];

/** Settings saved four times before versions were kept become version 4, by their last author, at their time, without a note. */
async function firstVersion(database: DatabaseConfig): Promise<void> {
  const orm = await MikroORM.init(databaseOptions(database, { poolMax: 1 }));
  try {
    const migrator = orm.getMigrator();
    expect((await migrator.up({ to: BEFORE_VERSIONS })).at(-1)?.name).toBe(BEFORE_VERSIONS);
    expect((await migrator.getPendingMigrations())[0]?.name).toBe(VERSIONS);
    const sql = orm.em.getConnection();
    await sql.execute(
      `insert into approvals_settings (id, version, require_approval, default_approver_id, rules, base_currency, exchange_rates, business_hours, reminder_cooldown_hours, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ['default', 4, true, MANAGER, JSON.stringify(RULES), 'EUR', JSON.stringify({ USD: '0.92' }), null, 12, new Date('2026-12-01T10:00:00.000Z'), ADMIN],
    );
    await migrator.up({ to: VERSIONS });

    // Read as the code of today reads it.
    const versions = await orm.em.fork().find<Record<string, unknown>>('PolicyVersion', {});
    expect(versions.map((v) => ({ ...v }))).toEqual([
      {
        version: 4,
        authorId: ADMIN,
        createdAt: new Date('2026-12-01T10:00:00.000Z'),
        note: null,
        restoredFrom: null,
        snapshot: {
          requireApproval: true,
          defaultApproverId: MANAGER,
          rules: RULES,
          baseCurrency: 'EUR',
          exchangeRates: { USD: '0.92' },
          businessHours: { timeZone: 'Europe/Amsterdam', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
          reminderCooldownHours: 12,
        },
      },
    ]);
  } finally {
    await orm.close(true);
  }
}

/** A new install (no settings yet) has no version until the first save. */
async function noSettingsNoVersion(database: DatabaseConfig): Promise<void> {
  const orm = await MikroORM.init(databaseOptions(database, { poolMax: 1 }));
  try {
    await orm.getMigrator().up({ to: VERSIONS });
    expect(await orm.em.fork().count('PolicyVersion', {})).toBe(0);
  } finally {
    await orm.close(true);
  }
}

describe('the policy-versions migration: the settings as they are become their current version', () => {
  it('writes it on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qa-sqlite-'));
    await firstVersion({ kind: 'sqlite', path: join(dir, 'versions.sqlite') });
    await noSettingsNoVersion({ kind: 'sqlite', path: join(dir, 'empty.sqlite') });
  });

  it('writes it on PostgreSQL', async () => {
    for (const check of [firstVersion, noSettingsNoVersion]) {
      const testDatabase = await createTestDatabase('qa_migrations');
      try {
        await check({ kind: 'postgresql', url: testDatabase.url });
      } finally {
        await testDatabase.drop();
      }
    }
  });
});
