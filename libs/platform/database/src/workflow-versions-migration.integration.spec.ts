import { MikroORM } from '@mikro-orm/core';
import type { DatabaseConfig } from '@qa/shared-config';
import { createTestDatabase } from '@qa/shared-testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseOptions } from './database-options';

const VERSIONS = '20261203184304-workflows-definition-versions';
const WORKFLOW = '01900000-0000-7000-8000-0000000000b1';
const TRIGGER = { type: 'status_becomes', status: 'approved' };
const ACTIONS = [
  { key: 'send_notification', params: { recipient: 'owner', title: 'Approved' } },
  { key: 'send_webhook', params: { url: 'https://hooks.example.com/q', secretId: 'k1', secret: 'whsec_never_in_a_version' } },
];

/** A workflow saved three times before versions were kept becomes its version 3, without its signing secret. */
async function currentVersion(database: DatabaseConfig): Promise<void> {
  const orm = await MikroORM.init(databaseOptions(database, { poolMax: 1 }));
  try {
    const migrator = orm.getMigrator();
    const pending = (await migrator.getPendingMigrations()).map((m) => m.name);
    const before = pending[pending.indexOf(VERSIONS) - 1]!;
    await migrator.up({ to: before });
    const sql = orm.em.getConnection();
    await sql.execute(
      `insert into workflows_workflow (id, version, name, enabled, object_type, ${'"trigger"'}, conditions, reenrollment, actions, set_key, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [WORKFLOW, 3, 'Tell the owner', false, 'quote', JSON.stringify(TRIGGER), '[]', 'always', JSON.stringify(ACTIONS), null, new Date('2026-12-01T08:00:00.000Z'), new Date('2026-12-02T10:00:00.000Z')],
    );
    await migrator.up({ to: VERSIONS });
    const versions = await orm.em.fork().find<Record<string, unknown>>('WorkflowVersion', {});
    expect(versions.map((v) => ({ ...v }))).toEqual([
      {
        workflowId: WORKFLOW,
        version: 3,
        authorId: null,
        createdAt: new Date('2026-12-02T10:00:00.000Z'),
        note: null,
        restoredFrom: null,
        snapshot: {
          name: 'Tell the owner',
          enabled: false,
          objectType: 'quote',
          trigger: TRIGGER,
          conditions: [],
          reenrollment: 'always',
          actions: [ACTIONS[0], { key: 'send_webhook', params: { url: 'https://hooks.example.com/q', secretId: 'k1' } }],
          setKey: null,
        },
      },
    ]);
  } finally {
    await orm.close(true);
  }
}

describe('the workflows-definition-versions migration: every workflow as it is becomes its current version', () => {
  it('writes them on SQLite', async () => {
    await currentVersion({ kind: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'qa-sqlite-')), 'workflow-versions.sqlite') });
  });

  it('writes them on PostgreSQL', async () => {
    const testDatabase = await createTestDatabase('qa_migrations');
    try {
      await currentVersion({ kind: 'postgresql', url: testDatabase.url });
    } finally {
      await testDatabase.drop();
    }
  });
});
