// What happened to a step of an approval round besides decisions, in words: an escalation ("Escalated
// to Max Manager (no decision in time)"), a reminder (by the quote's rep, or automatically), a
// delegation, a reassignment or the fallback approver taking someone's place. The API sends codes
// (kind, reason) and user ids; only this file turns them into sentences.
import type { StepActivity } from './approvals-api';
import type { NameOf, Words } from './route-words';

/** The reasons (codes) a step's activity may give that are worth saying; others are left out. */
const REASONS = ['no-decision', 'out-of-office', 'delegate-unavailable', 'inactive', 'not-approver'] as const;
type KnownReason = (typeof REASONS)[number];

function isKnownReason(reason: string | null): reason is KnownReason {
  return (REASONS as readonly string[]).includes(reason ?? '');
}

/** The sentence without its reason. */
function what(entry: StepActivity, nameOf: NameOf, { t }: Words): string {
  const to = entry.to ? nameOf(entry.to) : '';
  const from = entry.from ? nameOf(entry.from) : '';
  const by = entry.by ? nameOf(entry.by) : '';
  switch (entry.kind) {
    case 'escalated':
      return entry.to ? t('approvalRoute.activity.escalated', { to }) : t('approvalRoute.activity.escalatedNobody');
    case 'reminded':
      return entry.by ? t('approvalRoute.activity.remindedBy', { by }) : t('approvalRoute.activity.remindedAutomatically');
    case 'delegated':
      return t('approvalRoute.activity.delegated', { from, to });
    case 'reassigned':
      return entry.by ? t('approvalRoute.activity.reassignedBy', { by, from, to }) : t('approvalRoute.activity.reassigned', { from, to });
    case 'fallback':
      return entry.to ? t('approvalRoute.activity.fallback', { from, to }) : t('approvalRoute.activity.fallbackNobody', { from });
  }
}

/** One entry of a step's activity as a sentence, with its reason when there is one to say. */
export function stepActivityText(entry: StepActivity, nameOf: NameOf, words: Words): string {
  const text = what(entry, nameOf, words);
  // "Nobody to escalate to" says its reason already.
  if (!isKnownReason(entry.reason) || (entry.kind === 'escalated' && !entry.to)) return text;
  return words.t('approvalRoute.activity.withReason', { text, reason: words.t(`approvalRoute.activity.reasons.${entry.reason}`) });
}
