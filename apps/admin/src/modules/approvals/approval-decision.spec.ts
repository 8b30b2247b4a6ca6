import { describe, expect, it } from 'vitest';
import { max, pendingQuote, round } from '../../testing/approvals';
import { rita } from '../../testing/quotes';
import { blockedReasonKey, decisionErrorKey } from './approval-decision';

const maxActive = [{ id: max.id, name: max.name, active: true }];

describe('decisionErrorKey', () => {
  it.each([
    ['APPROVALS.STALE_ROUND', 'approval.errors.staleRound'],
    ['CONCURRENT_UPDATE', 'approval.errors.concurrent'],
    ['APPROVALS.APPROVER_NOT_ELIGIBLE', 'approval.errors.notEligible'],
    ['SOMETHING.ELSE', 'approval.errors.generic'],
    [undefined, 'approval.errors.generic'],
  ])('names what the page says for %s', (code, key) => {
    expect(decisionErrorKey(code)).toBe(key);
  });
});

describe('blockedReasonKey', () => {
  it('says first that a round is no longer open', () => {
    expect(blockedReasonKey(round({ status: 'approved', submittedBy: max.id }), pendingQuote, max.id, maxActive)).toBe('approval.cannotDecide.approved');
  });

  it('then that the caller owns the quote, submitted the round, or already decided', () => {
    expect(blockedReasonKey(round(), pendingQuote, rita.id, maxActive)).toBe('approval.cannotDecide.owner');
    expect(blockedReasonKey(round({ submittedBy: max.id }), pendingQuote, max.id, maxActive)).toBe('approval.cannotDecide.submitter');
    const decided = round({ decisions: [{ approverId: max.id, decision: 'approve', notes: null, at: '2026-05-01T12:30:00.000Z' }] });
    expect(blockedReasonKey(decided, pendingQuote, max.id, maxActive)).toBe('approval.cannotDecide.decided');
  });

  it('then that the caller is not (or no longer) an approver, or the quote moved on', () => {
    expect(blockedReasonKey(round(), pendingQuote, 'u-someone', maxActive)).toBe('approval.cannotDecide.notApprover');
    expect(blockedReasonKey(round(), pendingQuote, max.id, [{ ...maxActive[0]!, active: false }])).toBe('approval.cannotDecide.notEligible');
    expect(blockedReasonKey(round(), { ...pendingQuote, status: 'published' }, max.id, maxActive)).toBe('approval.cannotDecide.quoteChanged');
    expect(blockedReasonKey(round(), pendingQuote, max.id, maxActive)).toBe('approval.cannotDecide.notEligible');
  });
});
