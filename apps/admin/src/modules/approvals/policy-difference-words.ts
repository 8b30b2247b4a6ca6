// The differences between two versions of the approval policy, as the compare table words them:
// one row per difference, each value in the user's language (people by name, weekdays by name).
import type { CompareRow } from '../../components/version-compare.vue';
import { weekdayName } from './business-hours';
import type { PolicyComparison, PolicyDifference } from './policy-versions-api';

type Translate = (key: string, params?: Record<string, unknown>) => string;

export interface WordingContext {
  t: Translate;
  locale: string;
  /** A user's name by id (undefined: not known). */
  nameOf: (id: string) => string | undefined;
}

const SETTINGS = ['requireApproval', 'defaultApproverId', 'baseCurrency', 'businessHours', 'reminderCooldownHours'] as const;

function settingValue(path: string, value: unknown, { t, locale, nameOf }: WordingContext): string {
  if (value === null || value === undefined) return '';
  if (path === 'requireApproval') return t(value ? 'policyHistory.yes' : 'policyHistory.no');
  if (path === 'defaultApproverId') return nameOf(String(value)) ?? String(value);
  if (path === 'businessHours' && typeof value === 'object') {
    const hours = value as { timeZone: string; days: number[]; start: string; end: string };
    return t('policyHistory.hours', { days: hours.days.map((d) => weekdayName(d, locale)).join(', '), start: hours.start, end: hours.end, timeZone: hours.timeZone });
  }
  return String(value);
}

function label(d: PolicyDifference, t: Translate): string {
  if (d.code !== 'setting-changed') return t('policyHistory.rule', { name: d.ruleName ?? '' });
  if (d.path.startsWith('exchangeRates.')) return t('policyHistory.settings.exchangeRate', { currency: d.path.slice('exchangeRates.'.length) });
  return (SETTINGS as readonly string[]).includes(d.path) ? t(`policyHistory.settings.${d.path}`) : d.path;
}

/** One row per difference: settings by their label, rules by name (their parts that changed, or their position). */
export function policyCompareRows(comparison: PolicyComparison, context: WordingContext): CompareRow[] {
  const { t } = context;
  const position = (p: number | null | undefined) => (p === null || p === undefined ? '' : t('policyHistory.position', { position: p + 1 }));
  return comparison.differences.map((d, i): CompareRow => {
    const key = `${d.code}-${d.path}-${i}`;
    switch (d.code) {
      case 'rule-added':
        return { key, label: label(d, t), change: 'added', from: '', to: position(d.toPosition) };
      case 'rule-removed':
        return { key, label: label(d, t), change: 'removed', from: position(d.fromPosition), to: '' };
      case 'rule-moved':
        return { key, label: label(d, t), change: 'moved', from: position(d.fromPosition), to: position(d.toPosition) };
      case 'rule-changed': {
        const parts = d.fields.map((f) => t(`policyHistory.ruleFields.${f}`)).join(', ');
        const oldName = comparison.from.policy.rules.find((r) => r.id === d.ruleId)?.name ?? '';
        return { key, label: label(d, t), change: 'changed', from: oldName, to: `${d.ruleName ?? ''} · ${t('policyHistory.changedParts', { parts })}` };
      }
      default:
        return { key, label: label(d, t), change: 'changed', from: settingValue(d.path, d.from, context), to: settingValue(d.path, d.to, context) };
    }
  });
}
