// The differences between two versions of a workflow, as the compare table words them.
import type { CompareRow } from '../../components/version-compare.vue';
import type { WorkflowComparison } from './workflows-api';

type Translate = (key: string, params?: Record<string, unknown>) => string;
type Action = { key: string; params?: Record<string, unknown> };

const FIELDS = ['name', 'enabled', 'trigger', 'conditions', 'reenrollment'];

/** Plain text of a value: params and conditions as `name: value` pairs. */
function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(text).join('; ');
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${text(v)}`).join(', ');
  return String(value);
}

function fieldValue(path: string, value: unknown, t: Translate): string {
  if (path === 'enabled') return value === null || value === undefined ? '' : t(value ? 'policyHistory.yes' : 'policyHistory.no');
  return text(value);
}

function actionText(action: unknown, t: Translate, label: (key: string) => string): string {
  if (!action) return '';
  const { key, params } = action as Action;
  return t('workflowHistory.action', { action: label(key), params: text(params ?? {}) });
}

/** One row per difference; `label` names an action key as the catalogue does. */
export function workflowCompareRows(comparison: WorkflowComparison, t: Translate, label: (key: string) => string): CompareRow[] {
  return comparison.differences.map((d, i): CompareRow => {
    const key = `${d.code}-${d.path}-${i}`;
    if (d.code === 'field-changed') {
      return { key, label: FIELDS.includes(d.path) ? t(`workflowHistory.fields.${d.path}`) : d.path, change: 'changed', from: fieldValue(d.path, d.from, t), to: fieldValue(d.path, d.to, t) };
    }
    const position = Number(d.path.split('.')[1] ?? 0) + 1;
    const change = d.code === 'action-added' ? 'added' : d.code === 'action-removed' ? 'removed' : 'changed';
    return { key, label: t('workflowHistory.actionNumber', { number: position }), change, from: actionText(d.from, t, label), to: actionText(d.to, t, label) };
  });
}
