// The data part of the message-codes-quote-language migration (both dialects): what the quote
// approval workflows wrote in English before they wrote codes, rewritten as codes, once. Written
// for the rows as they were on 2026-12-03; the code that reads them now knows only the codes.
//
// - The built-in approval workflows (set key `quote-approvals-v1`, as the install reaction finds
//   them): an action with the English text they were installed with gets the message code instead
//   (an action an admin reworded keeps the admin's text); approval_status values become codes.
// - Any workflow's trigger or condition on approval_status with an English value: the code.
// - Steps of runs not finished yet: the same rewrite of their params.
// - approval_status values and their history: the codes.
// - Tasks and notifications the workflows made: the message code alongside the text they keep.
import type { Migration } from '@mikro-orm/migrations';

type Json = Record<string, unknown>;
const read = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

const SET_KEY = 'quote-approvals-v1';

/** The English approval_status values → their codes. */
export const APPROVAL_STATUS_CODES: Record<string, string> = {
  'Pending approval': 'pending_approval',
  'Changes requested': 'changes_requested',
  Approved: 'approved',
  Withdrawn: 'withdrawn',
};

const REVIEW_NOTES = 'Open the approval page to approve and publish the quote or request changes.';
const STEP_NOTES = 'The previous step is approved. Open the approval page to approve and publish the quote or request changes.';
const APPROVED_BODY = '"{{record.title}}" is approved and published: you can now share it with your contacts.';

/** The English texts of the built-in tasks and notification as installed → their message code, and the texts the code replaces. */
const BUILT_IN_TEXTS: Array<{ key: string; title: string; replaces: Record<string, string>; message: Json }> = [
  {
    key: 'create_task',
    title: 'Review quote {{record.number}}: {{record.title}}',
    replaces: { notes: REVIEW_NOTES },
    message: { code: 'approvals.reviewQuote', params: { number: '{{record.number}}', title: '{{record.title}}' } },
  },
  {
    key: 'create_task',
    title: 'Review quote {{record.number}}: {{record.title}} (step {{event.payload.step}} of {{event.payload.steps}})',
    replaces: { notes: STEP_NOTES },
    message: {
      code: 'approvals.reviewQuoteStep',
      params: { number: '{{record.number}}', title: '{{record.title}}', step: '{{event.payload.step}}', steps: '{{event.payload.steps}}' },
    },
  },
  { key: 'create_task', title: 'Make the changes requested on {{record.number}}', replaces: {}, message: { code: 'approvals.makeChanges', params: { number: '{{record.number}}' } } },
  {
    key: 'send_notification',
    title: 'Quote {{record.number}} was approved',
    replaces: { body: APPROVED_BODY },
    message: { code: 'approvals.quoteApproved', params: { number: '{{record.number}}', title: '{{record.title}}' } },
  },
];

/** One action's params as the code-writing release has them (the same object when nothing changes). */
export function upgradeActionParams(key: string, params: Json, builtIn: boolean): Json {
  if (key === 'set_property' && params['property'] === 'approval_status' && typeof params['value'] === 'string' && params['value'] in APPROVAL_STATUS_CODES) {
    return { ...params, value: APPROVAL_STATUS_CODES[params['value']] };
  }
  if (!builtIn || params['message']) return params;
  const text = BUILT_IN_TEXTS.find((t) => t.key === key && t.title === params['title']);
  if (!text) return params;
  const next: Json = { ...params, message: text.message };
  delete next['title'];
  for (const [name, english] of Object.entries(text.replaces)) if (next[name] === english) delete next[name];
  return next;
}

const codeOf = (value: unknown): unknown => (typeof value === 'string' && value in APPROVAL_STATUS_CODES ? APPROVAL_STATUS_CODES[value] : value);

function upgradeTrigger(trigger: Json): Json {
  return trigger['type'] === 'property_changes' && trigger['property'] === 'approval_status' && 'value' in trigger ? { ...trigger, value: codeOf(trigger['value']) } : trigger;
}

function upgradeConditions(conditions: Json[]): Json[] {
  return conditions.map((c) =>
    c['property'] === 'approval_status' && 'value' in c ? { ...c, value: Array.isArray(c['value']) ? c['value'].map(codeOf) : codeOf(c['value']) } : c,
  );
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A workflow task's title as the English templates rendered it → its message, or null. */
export function taskMessageOf(title: string): Json | null {
  const step = /^Review quote (\S+): (.*) \(step (\d+) of (\d+)\)$/s.exec(title);
  if (step) return { code: 'approvals.reviewQuoteStep', params: { number: step[1], title: step[2], step: step[3], steps: step[4] } };
  const review = /^Review quote (\S+): (.*)$/s.exec(title);
  if (review) return { code: 'approvals.reviewQuote', params: { number: review[1], title: review[2] } };
  const changes = /^Make the changes requested on (\S+)$/.exec(title);
  if (changes) return { code: 'approvals.makeChanges', params: { number: changes[1] } };
  return null;
}

/** A workflow notification's title and body as the English templates rendered them → its message, or null. */
export function notificationMessageOf(title: string, body: string): Json | null {
  const number = /^Quote (\S+) was approved$/.exec(title)?.[1];
  const quoteTitle = /^"(.*)" is approved and published: you can now share it with your contacts\.$/s.exec(body)?.[1];
  return number !== undefined && quoteTitle !== undefined ? { code: 'approvals.quoteApproved', params: { number, title: quoteTitle } } : null;
}

export async function upgradeMessageCodes(migration: Migration, dialect: 'sqlite' | 'postgresql'): Promise<void> {
  const q = (name: string) => (dialect === 'postgresql' ? `"${name}"` : `\`${name}\``);
  const json = dialect === 'postgresql' ? '?::jsonb' : '?';

  // Workflows: the built-in set's texts and values; anyone's trigger and conditions on approval_status.
  const builtInIds = new Set<string>();
  for (const row of await migration.execute(`select ${q('id')}, ${q('trigger')}, ${q('conditions')}, ${q('actions')}, ${q('set_key')} from ${q('workflows_workflow')}`)) {
    const builtIn = row['set_key'] === SET_KEY;
    if (builtIn) builtInIds.add(String(row['id']));
    const trigger = read(row['trigger']) as Json;
    const conditions = read(row['conditions']) as Json[];
    const actions = read(row['actions']) as Array<{ key: string; params: Json }>;
    const next = {
      trigger: upgradeTrigger(trigger),
      conditions: upgradeConditions(conditions),
      actions: actions.map((a) => ({ ...a, params: upgradeActionParams(a.key, a.params ?? {}, builtIn) })),
    };
    if (same(next, { trigger, conditions, actions })) continue;
    await migration.execute(
      `update ${q('workflows_workflow')} set ${q('trigger')} = ${json}, ${q('conditions')} = ${json}, ${q('actions')} = ${json}, ${q('version')} = ${q('version')} + 1 where ${q('id')} = ?`,
      [JSON.stringify(next.trigger), JSON.stringify(next.conditions), JSON.stringify(next.actions), row['id']],
    );
  }

  // Steps still to run: what they do next, in the codes.
  const steps = await migration.execute(
    `select s.${q('id')}, s.${q('action_key')}, s.${q('params')}, r.${q('workflow_id')} from ${q('workflows_run_step')} s join ${q('workflows_run')} r on r.${q('id')} = s.${q('run_id')}
     where s.${q('status')} in ('pending', 'running') and s.${q('action_key')} in ('set_property', 'create_task', 'send_notification')`,
  );
  for (const row of steps) {
    const params = read(row['params']) as Json;
    const next = upgradeActionParams(String(row['action_key']), params, builtInIds.has(String(row['workflow_id'])));
    if (next !== params) await migration.execute(`update ${q('workflows_run_step')} set ${q('params')} = ${json} where ${q('id')} = ?`, [JSON.stringify(next), row['id']]);
  }

  // approval_status values and their history.
  for (const [english, code] of Object.entries(APPROVAL_STATUS_CODES)) {
    const [from, to] = [JSON.stringify(english), JSON.stringify(code)];
    await migration.execute(`update ${q('workflows_record_property')} set ${q('value')} = ${json} where ${q('name')} = 'approval_status' and ${q('value')} = ${json}`, [to, from]);
    for (const column of ['value', 'previous_value']) {
      await migration.execute(`update ${q('workflows_record_property_change')} set ${q(column)} = ${json} where ${q('name')} = 'approval_status' and ${q(column)} = ${json}`, [to, from]);
    }
  }

  // Tasks and notifications the workflows made keep their text, with the code beside it.
  for (const row of await migration.execute(`select ${q('id')}, ${q('title')} from ${q('tasks_task')} where ${q('created_by_type')} = 'workflow' and ${q('message')} is null`)) {
    const message = taskMessageOf(String(row['title']));
    if (message) await migration.execute(`update ${q('tasks_task')} set ${q('message')} = ${json} where ${q('id')} = ?`, [JSON.stringify(message), row['id']]);
  }
  for (const row of await migration.execute(`select ${q('id')}, ${q('title')}, ${q('body')} from ${q('notifications_notification')} where ${q('title')} like 'Quote % was approved' and ${q('message')} is null`)) {
    const message = notificationMessageOf(String(row['title']), String(row['body']));
    if (message) await migration.execute(`update ${q('notifications_notification')} set ${q('message')} = ${json} where ${q('id')} = ?`, [JSON.stringify(message), row['id']]);
  }
}
