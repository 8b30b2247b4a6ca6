import { describe, expect, it } from 'vitest';
import { adaUser, max, pendingQuote, pendingRoute, round, routeApprover, routeGroup } from '../../testing/approvals';
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

  it('follows the route’s steps: a later step waits, a decided group needs no one else, a decision counts for its own step', () => {
    // Step 1: Max or Ada; step 2: Ada. Ada already approved step 1 for the group.
    const twoSteps = (currentStep: number) =>
      round({
        approverIds: [max.id, adaUser.id],
        route: pendingRoute({
          currentStep,
          steps: [
            {
              step: 1,
              state: currentStep === 1 ? 'pending' : 'approved',
              groups: [routeGroup([routeApprover(max.id, { state: 'pending' }), routeApprover(adaUser.id, { state: 'pending' })])],
            },
            { step: 2, state: currentStep === 2 ? 'pending' : 'waiting', groups: [routeGroup([routeApprover(adaUser.id, { state: currentStep === 2 ? 'pending' : 'waiting' })])] },
          ],
        }),
      });
    const ada = [{ id: adaUser.id, name: adaUser.name, active: true }];
    const adaApprovedStep1 = { approverId: adaUser.id, decision: 'approve' as const, notes: null, at: '2026-05-01T12:30:00.000Z', step: 0 };

    // Step 2 runs: Max was of step 1 only and did not decide (Ada did for the group).
    expect(blockedReasonKey(twoSteps(2), pendingQuote, max.id, maxActive)).toBe('approval.cannotDecide.notNeeded');
    // Ada's approval of step 1 is not a decision of step 2: nothing of hers blocks her (the API decides; the last resort is "not eligible").
    expect(blockedReasonKey(round({ ...twoSteps(2), decisions: [adaApprovedStep1] }), pendingQuote, adaUser.id, ada)).toBe('approval.cannotDecide.notEligible');
    // Step 1 runs: Dirk, an approver of step 2 only, waits for his turn.
    const laterOnly = twoSteps(1);
    laterOnly.route.steps[1]?.groups[0]?.approvers.push(routeApprover('u-dirk'));
    expect(blockedReasonKey({ ...laterOnly, approverIds: [...laterOnly.approverIds, 'u-dirk'] }, pendingQuote, 'u-dirk', [])).toBe('approval.cannotDecide.laterStep');
    // Max's group of step 1 was approved by Ada (any one): his decision is not needed.
    const groupDone = twoSteps(1);
    const group = groupDone.route.steps[0]!.groups[0]!;
    group.state = 'approved';
    expect(blockedReasonKey(groupDone, pendingQuote, max.id, maxActive)).toBe('approval.cannotDecide.notNeeded');
  });
});
