// The data part of the workflows-definition-versions migration (both dialects): every workflow's
// definition as it is when versions begin becomes its current version (no author known, no note),
// its webhook signing secrets left out as in every version. Written for the rows as they were on
// 2026-12-03.
import type { Migration } from '@mikro-orm/migrations';

const read = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

export async function writeCurrentWorkflowVersions(migration: Migration, dialect: 'sqlite' | 'postgresql'): Promise<void> {
  const q = (name: string) => (dialect === 'postgresql' ? `"${name}"` : `\`${name}\``);
  const json = dialect === 'postgresql' ? '?::jsonb' : '?';
  const columns = ['id', 'name', 'enabled', 'object_type', 'trigger', 'conditions', 'reenrollment', 'actions', 'set_key'];
  for (const row of await migration.execute(`select ${columns.map(q).join(', ')} from ${q('workflows_workflow')}`)) {
    const actions = (read(row['actions']) as Array<{ key: string; params?: Record<string, unknown> }>) ?? [];
    const snapshot = {
      name: row['name'],
      enabled: row['enabled'] === true || Number(row['enabled']) === 1,
      objectType: row['object_type'],
      trigger: read(row['trigger']),
      conditions: read(row['conditions']) ?? [],
      reenrollment: row['reenrollment'],
      actions: actions.map((a) => ({ key: a.key, params: Object.fromEntries(Object.entries(a.params ?? {}).filter(([name]) => name !== 'secret')) })),
      setKey: row['set_key'] ?? null,
    };
    await migration.execute(
      `insert into ${q('workflows_definition_version')} (${['workflow_id', 'version', 'snapshot', 'author_id', 'created_at', 'note', 'restored_from'].map(q).join(', ')}) ` +
        `select ${q('id')}, ${q('version')}, ${json}, null, ${q('updated_at')}, null, null from ${q('workflows_workflow')} where ${q('id')} = ?`,
      [JSON.stringify(snapshot), row['id']],
    );
  }
}
