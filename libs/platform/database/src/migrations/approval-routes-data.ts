// The data part of the approvals-routes migration (both dialects): what was saved before approval
// policies had routes, rewritten in the route form, once. Written for the rows as they were on
// 2026-12-03; the code that reads them now knows only the route form.
import type { Migration } from '@mikro-orm/migrations';

type Json = Record<string, unknown>;
const read = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

/** One step, one group of these users: the round of one group every old round was. */
function oneStep(approverIds: string[], mode: string, reasons: string[], ruleName: string | null): Json {
  return {
    policyVersion: 0,
    steps: [{ groups: [{ approverIds, mode: mode === 'all' ? 'all' : 'any', refs: approverIds.map((userId) => ({ kind: 'user', userId })), ruleIds: [], notes: [] }] }],
    rules: [{ ruleId: '', ruleName: ruleName ?? '', reasons: reasons.map((text) => ({ code: 'legacy', text })) }],
  };
}

/** Old rules (priority, one list of conditions, approvers, any or all; the first match decided) as rules of one condition group and one step, first match only. */
function upgradeRules(rules: Json[]): Json[] {
  if (!rules.some((r) => 'approverIds' in r)) return rules;
  return [...rules]
    .sort((a, b) => Number(a['priority']) - Number(b['priority']))
    .map((rule) => {
      const conditions = (rule['conditions'] as Json[]) ?? [];
      const approverIds = (rule['approverIds'] as string[]) ?? [];
      return {
        id: rule['id'],
        name: rule['name'],
        when: conditions.length ? [{ conditions }] : [],
        route: [{ groups: [{ mode: rule['mode'] === 'all' ? 'all' : 'any', approvers: approverIds.map((userId) => ({ kind: 'user', userId })) }] }],
        firstMatchOnly: true,
      };
    });
}

export async function upgradeApprovalRoutes(migration: Migration, dialect: 'sqlite' | 'postgresql'): Promise<void> {
  const q = (name: string) => (dialect === 'postgresql' ? `"${name}"` : `\`${name}\``);
  const json = dialect === 'postgresql' ? '?::jsonb' : '?';
  for (const row of await migration.execute(`select ${q('id')}, ${q('approver_ids')}, ${q('mode')}, ${q('route')} from ${q('approvals_request')}`)) {
    const reasons = read(row['route']);
    if (!Array.isArray(reasons)) continue; // already a route
    const route = oneStep(read(row['approver_ids']) as string[], String(row['mode']), reasons as string[], null);
    await migration.execute(`update ${q('approvals_request')} set ${q('route')} = ${json} where ${q('id')} = ?`, [JSON.stringify(route), row['id']]);
  }
  for (const row of await migration.execute(`select ${q('id')}, ${q('rules')} from ${q('approvals_settings')}`)) {
    const rules = read(row['rules']) as Json[];
    await migration.execute(`update ${q('approvals_settings')} set ${q('rules')} = ${json} where ${q('id')} = ?`, [JSON.stringify(upgradeRules(rules)), row['id']]);
  }
  for (const row of await migration.execute(`select ${q('id')}, ${q('approval_route')} from ${q('quotes_quote')} where ${q('approval_route')} is not null`)) {
    const old = read(row['approval_route']) as Json;
    if ('steps' in old) continue;
    const route = { ...oneStep(old['approverIds'] as string[], String(old['mode']), (old['reasons'] as string[]) ?? [], (old['ruleName'] as string | null) ?? null), submittedBy: old['submittedBy'] };
    await migration.execute(`update ${q('quotes_quote')} set ${q('approval_route')} = ${json} where ${q('id')} = ?`, [JSON.stringify(route), row['id']]);
  }
}
