import { MikroORM } from '@mikro-orm/core';
import type { DatabaseConfig } from '@qa/shared-config';
import { createTestDatabase } from '@qa/shared-testing';
import { QUOTE_APPROVAL_WORKFLOWS } from '@qa/workflows-application';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseOptions } from './database-options';

/** The last migration before message codes: the old rows are written at this schema. */
const BEFORE_CODES = '20261203063700-approvals-routes';
const CODES = '20261203124157-message-codes-quote-language';

const REP = '01900000-0000-7000-8000-000000000001';
const MAX = '01900000-0000-7000-8000-000000000002';
const QUOTE = '01900000-0000-7000-8000-0000000000a1';
const NEEDS_APPROVAL = '01900000-0000-7000-8000-0000000000c1';
const APPROVED = '01900000-0000-7000-8000-0000000000c2';
const MINE = '01900000-0000-7000-8000-0000000000c3';
const RUN = '01900000-0000-7000-8000-0000000000d1';
const STEP = '01900000-0000-7000-8000-0000000000d2';
const TASK = '01900000-0000-7000-8000-0000000000e1';
const OWN_TASK = '01900000-0000-7000-8000-0000000000e2';
const NOTIFICATION = '01900000-0000-7000-8000-0000000000f1';

/** The English actions the approval workflows were installed with before codes. */
const OLD_NEEDS_APPROVAL = [
  { key: 'set_property', params: { property: 'approval_status', value: 'Pending approval' } },
  { key: 'set_property', params: { property: 'approver', value: '{{event.payload.approverIds.0}}' } },
  { key: 'set_property', params: { property: 'approved_at', value: '' } },
  {
    key: 'create_task',
    params: {
      assignee: 'approvers',
      title: 'Review quote {{record.number}}: {{record.title}}',
      notes: 'Open the approval page to approve and publish the quote or request changes.',
      priority: 'high',
      dueInDays: 1,
      taskKey: 'approval',
    },
  },
];
/** "When quotes are approved" as an admin changed it: the notification reworded (kept), the value still English (a code now). */
const OLD_APPROVED = [
  { key: 'set_property', params: { property: 'approval_status', value: 'Approved' } },
  { key: 'send_notification', params: { recipient: 'owner', title: 'Good news: {{record.number}} is approved' } },
];

const template = (name: string) => QUOTE_APPROVAL_WORKFLOWS.find((w) => w.name === name)!;

/**
 * The message-codes migration rewrites what the approval workflows wrote in English (their
 * actions, approval_status values and history, steps still to run, tasks and notifications) as
 * codes, on both databases: the old rows are written at the schema just before it.
 */
async function upgradeOldRows(database: DatabaseConfig): Promise<void> {
  const orm = await MikroORM.init(databaseOptions(database, { poolMax: 1 }));
  try {
    const migrator = orm.getMigrator();
    expect((await migrator.up({ to: BEFORE_CODES })).at(-1)?.name).toBe(BEFORE_CODES);
    expect((await migrator.getPendingMigrations())[0]?.name).toBe(CODES);

    const sql = orm.em.getConnection();
    const json = (value: unknown) => JSON.stringify(value);
    const at = '2026-12-01T10:00:00.000Z';
    const workflow = (id: string, name: string, trigger: unknown, conditions: unknown, actions: unknown, setKey: string | null) =>
      sql.execute(
        `insert into workflows_workflow (id, version, name, enabled, object_type, ${'"trigger"'}, conditions, reenrollment, actions, set_key, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [id, 2, name, true, 'quote', json(trigger), json(conditions), 'always', json(actions), setKey, at, at],
      );
    await workflow(NEEDS_APPROVAL, 'When quotes need approval', { type: 'event', eventName: 'approvals.request.opened.v1' }, [], OLD_NEEDS_APPROVAL, 'quote-approvals-v1');
    await workflow(APPROVED, 'When quotes are approved', { type: 'event', eventName: 'approvals.request.approved.v1' }, [], OLD_APPROVED, 'quote-approvals-v1');
    // An admin's own workflow that matched on the English values; its own English title stays.
    const mineActions = [{ key: 'create_task', params: { assignee: 'owner', title: 'Review quote {{record.number}}: {{record.title}}' } }];
    await workflow(
      MINE,
      'Follow up approved quotes',
      { type: 'property_changes', property: 'approval_status', value: 'Approved' },
      [{ property: 'approval_status', operator: 'in', value: ['Approved', 'Withdrawn'] }],
      mineActions,
      null,
    );

    await sql.execute(`insert into workflows_run (id, workflow_id, workflow_name, record_type, record_id, trigger_event_id, context, status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      RUN,
      NEEDS_APPROVAL,
      'When quotes need approval',
      'quote',
      QUOTE,
      '01900000-0000-7000-8000-0000000000d9',
      json({}),
      'running',
      at,
    ]);
    await sql.execute(`insert into workflows_run_step (id, run_id, ${'"index"'}, action_key, params, status, attempts) values (?, ?, ?, ?, ?, ?, ?)`, [
      STEP,
      RUN,
      3,
      'create_task',
      json(OLD_NEEDS_APPROVAL[3]!.params),
      'pending',
      0,
    ]);

    await sql.execute(`insert into workflows_record_property (record_type, record_id, name, value, updated_at, updated_by) values (?, ?, ?, ?, ?, ?)`, ['quote', QUOTE, 'approval_status', json('Approved'), at, null]);
    await sql.execute(`insert into workflows_record_property (record_type, record_id, name, value, updated_at, updated_by) values (?, ?, ?, ?, ?, ?)`, ['quote', QUOTE, 'approver', json(MAX), at, null]);
    await sql.execute(`insert into workflows_record_property_change (id, record_type, record_id, name, value, previous_value, changed_at, changed_by) values (?, ?, ?, ?, ?, ?, ?, ?)`, [
      '01900000-0000-7000-8000-0000000000b1',
      'quote',
      QUOTE,
      'approval_status',
      json('Approved'),
      json('Pending approval'),
      at,
      null,
    ]);

    const task = (id: string, title: string, by: string) =>
      sql.execute(
        `insert into tasks_task (id, version, title, notes, assignee_id, related_type, related_id, priority, status, created_by_type, created_by_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [id, 1, title, '', MAX, 'quote', QUOTE, 'high', 'open', by, by === 'workflow' ? NEEDS_APPROVAL : REP, at],
      );
    await task(TASK, 'Review quote Q-2026-0001: Website: phase 2 (step 1 of 2)', 'workflow');
    await task(OWN_TASK, 'Review quote Q-2026-0001: my own reminder', 'user');
    await sql.execute(`insert into notifications_notification (id, version, recipient_user_id, title, body, link, created_at) values (?, ?, ?, ?, ?, ?, ?)`, [
      NOTIFICATION,
      1,
      REP,
      'Quote Q-2026-0001 was approved',
      '"Website: phase 2" is approved and published: you can now share it with your contacts.',
      `/quotes/${QUOTE}`,
      at,
    ]);

    expect((await migrator.up({ to: CODES })).map((m) => m.name)).toEqual([CODES]);

    const read = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
    const workflowRow = async (id: string) => {
      const [row] = await sql.execute(`select * from workflows_workflow where id = ?`, [id]);
      return { version: row.version, trigger: read(row.trigger), conditions: read(row.conditions), actions: read(row.actions) };
    };
    // The built-in workflow as installed: now exactly today's template.
    expect(await workflowRow(NEEDS_APPROVAL)).toEqual({ version: 3, trigger: template('When quotes need approval').trigger, conditions: [], actions: template('When quotes need approval').actions });
    // The admin's reworded notification is the admin's text; the value is the code.
    expect((await workflowRow(APPROVED)).actions).toEqual([
      { key: 'set_property', params: { property: 'approval_status', value: 'approved' } },
      { key: 'send_notification', params: { recipient: 'owner', title: 'Good news: {{record.number}} is approved' } },
    ]);
    expect(await workflowRow(MINE)).toEqual({
      version: 3,
      trigger: { type: 'property_changes', property: 'approval_status', value: 'approved' },
      conditions: [{ property: 'approval_status', operator: 'in', value: ['approved', 'withdrawn'] }],
      actions: mineActions,
    });

    const [step] = await sql.execute(`select params from workflows_run_step where id = ?`, [STEP]);
    expect(read(step.params)).toEqual(template('When quotes need approval').actions[3]!.params);

    // Property values are JSON: read as their JSON text on both databases.
    const properties = await sql.execute(`select name, cast(value as text) as value from workflows_record_property where record_id = ? order by name`, [QUOTE]);
    expect(properties.map((p: { name: string; value: unknown }) => [p.name, JSON.parse(p.value as string)])).toEqual([
      ['approval_status', 'approved'],
      ['approver', MAX],
    ]);
    const [change] = await sql.execute(`select cast(value as text) as value, cast(previous_value as text) as previous_value from workflows_record_property_change where record_id = ?`, [QUOTE]);
    expect([JSON.parse(change.value), JSON.parse(change.previous_value)]).toEqual(['approved', 'pending_approval']);

    const tasks = await sql.execute(`select id, title, message from tasks_task order by id`);
    expect(tasks.map((t: { id: string; title: string; message: unknown }) => [t.id, t.title, read(t.message)])).toEqual([
      [TASK, 'Review quote Q-2026-0001: Website: phase 2 (step 1 of 2)', { code: 'approvals.reviewQuoteStep', params: { number: 'Q-2026-0001', title: 'Website: phase 2', step: '1', steps: '2' } }],
      [OWN_TASK, 'Review quote Q-2026-0001: my own reminder', null],
    ]);
    const [notification] = await sql.execute(`select message from notifications_notification where id = ?`, [NOTIFICATION]);
    expect(read(notification.message)).toEqual({ code: 'approvals.quoteApproved', params: { number: 'Q-2026-0001', title: 'Website: phase 2' } });

    // The code of today reads the task with its code.
    const loaded = (await orm.em.fork().findOneOrFail<{ message: unknown }>('Task', TASK as never)) as { message: unknown };
    expect(loaded.message).toEqual({ code: 'approvals.reviewQuoteStep', params: { number: 'Q-2026-0001', title: 'Website: phase 2', step: '1', steps: '2' } });
  } finally {
    await orm.close(true);
  }
}

describe('the message-codes migration: the approval workflows’ English texts and values as codes', () => {
  it('rewrites them on SQLite', async () => {
    await upgradeOldRows({ kind: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'qa-sqlite-')), 'codes.sqlite') });
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
