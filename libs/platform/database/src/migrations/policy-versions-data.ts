// The data part of the approvals-policy-versions migration (both dialects): the settings as they
// are when versions begin become their current version (author: who saved them last; no note), so
// existing installs have a version for the rounds already routed by it. Written for the rows as
// they were on 2026-12-03.
import type { Migration } from '@mikro-orm/migrations';

const read = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);
/** The working week of settings saved before business hours were kept. */
const DEFAULT_BUSINESS_HOURS = { timeZone: 'Europe/Amsterdam', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

export async function writeCurrentPolicyVersion(migration: Migration, dialect: 'sqlite' | 'postgresql'): Promise<void> {
  const q = (name: string) => (dialect === 'postgresql' ? `"${name}"` : `\`${name}\``);
  const json = dialect === 'postgresql' ? '?::jsonb' : '?';
  const columns = ['id', 'require_approval', 'default_approver_id', 'rules', 'base_currency', 'exchange_rates', 'business_hours', 'reminder_cooldown_hours'];
  for (const row of await migration.execute(`select ${columns.map(q).join(', ')} from ${q('approvals_settings')}`)) {
    const snapshot = {
      requireApproval: row['require_approval'] === true || Number(row['require_approval']) === 1,
      defaultApproverId: row['default_approver_id'] ?? null,
      rules: read(row['rules']) ?? [],
      baseCurrency: row['base_currency'] ?? 'EUR',
      exchangeRates: read(row['exchange_rates']) ?? {},
      businessHours: read(row['business_hours']) ?? DEFAULT_BUSINESS_HOURS,
      reminderCooldownHours: row['reminder_cooldown_hours'] === null || row['reminder_cooldown_hours'] === undefined ? null : Number(row['reminder_cooldown_hours']),
    };
    // The version, author and time as the row has them (the time in the dialect's own form).
    await migration.execute(
      `insert into ${q('approvals_policy_version')} (${['version', 'snapshot', 'author_id', 'created_at', 'note', 'restored_from'].map(q).join(', ')}) ` +
        `select ${q('version')}, ${json}, ${q('updated_by')}, ${q('updated_at')}, null, null from ${q('approvals_settings')} where ${q('id')} = ?`,
      [JSON.stringify(snapshot), row['id']],
    );
  }
}
