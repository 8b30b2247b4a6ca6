import type { ApprovalRoute, RouteGroup } from '@qa/approvals-contracts';
import { describe, expect, it } from 'vitest';
import { ApprovalRequest, diffSnapshots, type QuoteSnapshot } from './approval-request';
import { ApprovalSettings } from './approval-settings';

const group = (approverIds: string[], mode: 'any' | 'all' = 'any'): RouteGroup => ({ approverIds, mode, refs: approverIds.map((userId) => ({ kind: 'user', userId })), ruleIds: ['r1'], notes: [] });
/** A route of one step with one group, or of the steps given. */
const route = (...steps: RouteGroup[][]): ApprovalRoute => ({ policyVersion: 7, steps: steps.map((groups) => ({ groups })), rules: [{ ruleId: 'r1', ruleName: 'Big discounts', reasons: [{ code: 'always' }] }] });

const snapshot = (lines: QuoteSnapshot['lines'], total = '100.00'): QuoteSnapshot => ({ title: 'Q', currency: 'EUR', total, quoteDiscount: null, lines });
const open = (mode: 'any' | 'all' = 'any', approverIds = ['m1', 'm2'], submittedBy: string | null = 'rep') =>
  ApprovalRequest.open({ quoteId: 'q1', quoteVersion: 2, round: 1, ownerId: 'rep', submittedBy, route: route([group(approverIds, mode)]), snapshot: snapshot([]) });
const openRoute = (r: ApprovalRoute) => ApprovalRequest.open({ quoteId: 'q1', quoteVersion: 2, round: 1, ownerId: 'rep', submittedBy: 'rep', route: r, snapshot: snapshot([]) });
/** An approver who is still an active manager or admin (as identity says at the moment of the decision). */
const ok = (id: string) => ({ id, eligible: true });
const code = (fn: () => void) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('approval request', () => {
  it('is approved by any one approver in "any" mode, once', () => {
    const request = open('any');
    request.pullEvents();
    request.decide(ok('m1'), 1, 'approve', null);
    expect(request.status).toBe('approved');
    expect(request.pullEvents().map((e) => e.name)).toEqual(['approvals.request.approved.v1']);
    expect(() => request.decide(ok('m2'), 1, 'approve', null)).toThrow(expect.objectContaining({ code: 'APPROVALS.ALREADY_DECIDED' }));
  });

  it('needs every approver in "all" mode', () => {
    const request = open('all');
    request.decide(ok('m1'), 1, 'approve', null);
    expect(request.status).toBe('pending');
    request.decide(ok('m2'), 1, 'approve', 'fine');
    expect(request.status).toBe('approved');
  });

  it('refuses the owner, strangers, old rounds, and changes without notes', () => {
    const request = ApprovalRequest.open({ quoteId: 'q1', quoteVersion: 2, round: 3, ownerId: 'rep', submittedBy: 'rep', route: route([group(['m1', 'rep'])]), snapshot: snapshot([]) });
    expect(code(() => request.decide(ok('rep'), 3, 'approve', null))).toBe('APPROVALS.OWN_QUOTE');
    expect(code(() => request.decide(ok('x'), 3, 'approve', null))).toBe('APPROVALS.NOT_AN_APPROVER');
    expect(code(() => request.decide(ok('m1'), 2, 'approve', null))).toBe('APPROVALS.STALE_ROUND');
    expect(code(() => request.decide(ok('m1'), 3, 'request_changes', '  '))).toBe('APPROVALS.NOTES_REQUIRED');
    expect(request.status).toBe('pending');
    expect(code(() => request.decide(ok('m1'), 3, 'request_changes', 'Lower the discount'))).toBe('ok');
    expect(request).toMatchObject({ status: 'changes_requested', decisions: [expect.objectContaining({ approverId: 'm1', notes: 'Lower the discount' })] });
    // Once decided, the owner and strangers are still refused as such: the round's state is none of their business.
    expect(code(() => request.decide(ok('rep'), 3, 'approve', null))).toBe('APPROVALS.OWN_QUOTE');
    expect(code(() => request.decide(ok('x'), 2, 'approve', null))).toBe('APPROVALS.NOT_AN_APPROVER');
    expect(code(() => request.decide(ok('m1'), 3, 'approve', null))).toBe('APPROVALS.ALREADY_DECIDED');
  });
});

describe('a route of steps', () => {
  // Step 1: the manager, and finance (any one of f1, f2) in parallel; step 2: the director.
  const chain = () => openRoute(route([group(['m1']), group(['f1', 'f2'])], [group(['d1'])]));

  it('opens with the first step\'s approvers as the ones to ask, and everyone on the route may see it', () => {
    const request = chain();
    expect(request.approverIds).toEqual(['m1', 'f1', 'f2', 'd1']);
    expect(request.approversNow()).toEqual(['m1', 'f1', 'f2']);
    expect(request.pullEvents().map((e) => [e.name, e.payload.approverIds, e.payload.step, e.payload.steps])).toEqual([['approvals.request.opened.v1', ['m1', 'f1', 'f2'], 1, 2]]);
  });

  it('completes a step when all its groups complete, then starts the next; approved after the last', () => {
    const request = chain();
    request.pullEvents();
    request.decide(ok('m1'), 1, 'approve', null);
    expect([request.currentStep, request.pullEvents()]).toEqual([0, []]);
    request.decide(ok('f2'), 1, 'approve', null);
    expect(request.currentStep).toBe(1);
    expect(request.pullEvents().map((e) => [e.name, e.payload.approverIds, e.payload.step])).toEqual([['approvals.request.step-started.v1', ['d1'], 2]]);
    expect(code(() => request.decide(ok('f1'), 1, 'approve', null))).toBe('APPROVALS.ALREADY_DECIDED');
    request.decide(ok('d1'), 1, 'approve', 'ok');
    expect(request.status).toBe('approved');
    expect(request.pullEvents().map((e) => [e.name, e.payload.step])).toEqual([['approvals.request.approved.v1', 2]]);
  });

  it('refuses a later step\'s approver until their step starts, and lets them decide then', () => {
    const request = chain();
    expect(code(() => request.decide(ok('d1'), 1, 'approve', null))).toBe('APPROVALS.NOT_YOUR_STEP_YET');
    expect(request.awaitsDecisionFrom(ok('d1'))).toBe(false);
    request.decide(ok('m1'), 1, 'approve', null);
    request.decide(ok('f1'), 1, 'approve', null);
    expect(request.awaitsDecisionFrom(ok('d1'))).toBe(true);
  });

  it('ends the round when changes are requested at any step', () => {
    const request = chain();
    request.decide(ok('m1'), 1, 'approve', null);
    request.decide(ok('f1'), 1, 'approve', null);
    request.pullEvents();
    request.decide(ok('d1'), 1, 'request_changes', 'Too cheap');
    expect(request.status).toBe('changes_requested');
    expect(request.pullEvents().map((e) => [e.name, e.payload.step, e.payload.notes])).toEqual([['approvals.request.changes-requested.v1', 2, 'Too cheap']]);
  });

  it('asks someone on two steps at each of them', () => {
    const request = openRoute(route([group(['m1'])], [group(['m1', 'd1'], 'all')]));
    request.decide(ok('m1'), 1, 'approve', null);
    expect(request.awaitsDecisionFrom(ok('m1'))).toBe(true);
    request.decide(ok('m1'), 1, 'approve', null);
    request.decide(ok('d1'), 1, 'approve', null);
    expect(request.status).toBe('approved');
  });

  it('reads as a timeline: each step, group and approver with its state and when', () => {
    const request = chain();
    request.decide(ok('m1'), 1, 'approve', null, new Date('2026-12-03T09:00:00Z'));
    expect(request.timeline()).toMatchObject({
      policyVersion: 7,
      currentStep: 1,
      steps: [
        {
          step: 1,
          state: 'pending',
          groups: [
            { state: 'approved', approvers: [{ userId: 'm1', state: 'approved', at: '2026-12-03T09:00:00.000Z' }] },
            { state: 'pending', approvers: [{ userId: 'f1', state: 'pending', at: null }, { userId: 'f2', state: 'pending', at: null }] },
          ],
        },
        { step: 2, state: 'waiting', groups: [{ state: 'waiting', approvers: [{ userId: 'd1', state: 'waiting' }] }] },
      ],
    });
    request.decide(ok('f1'), 1, 'approve', null);
    request.decide(ok('d1'), 1, 'request_changes', 'No');
    const after = request.timeline();
    expect([after.currentStep, after.steps.map((s) => s.state), after.steps[0]!.groups[1]!.approvers.map((a) => a.state)]).toEqual([null, ['approved', 'changes_requested'], ['approved', 'not_needed']]);
  });
});

describe('who decides', () => {
  it('never lets whoever submitted the round decide it, even when listed as an approver (an admin who submitted a rep\'s quote)', () => {
    const request = open('any', ['admin', 'm1'], 'admin');
    expect(code(() => request.decide(ok('admin'), 1, 'approve', null))).toBe('APPROVALS.SUBMITTER_CANNOT_DECIDE');
    expect(code(() => request.decide(ok('admin'), 1, 'request_changes', 'No'))).toBe('APPROVALS.SUBMITTER_CANNOT_DECIDE');
    expect([request.status, request.decisions]).toEqual(['pending', []]);
    expect(code(() => request.decide(ok('m1'), 1, 'approve', null))).toBe('ok');
  });

  it('refuses an approver who is no longer an active manager or admin, before looking at the round', () => {
    const request = open('any', ['m1', 'm2']);
    expect(code(() => request.decide({ id: 'm1', eligible: false }, 1, 'approve', null))).toBe('APPROVALS.APPROVER_NOT_ELIGIBLE');
    expect(code(() => request.decide({ id: 'm1', eligible: false }, 7, 'approve', null))).toBe('APPROVALS.APPROVER_NOT_ELIGIBLE');
    expect(code(() => request.decide({ id: 'stranger', eligible: false }, 1, 'approve', null))).toBe('APPROVALS.NOT_AN_APPROVER');
    expect(request.status).toBe('pending');
  });
});

describe('the round and the quote as it is now', () => {
  it('reviews only the version it opened for, while the quote is Pending approval', () => {
    const request = open();
    expect([request.reviews({ status: 'pending_approval', version: 2 }), request.reviews({ status: 'pending_approval', version: 3 }), request.reviews({ status: 'draft', version: 2 }), request.reviews(null)]).toEqual([true, false, false, false]);
    expect(code(() => request.checkReviews({ status: 'draft', version: 3 }))).toBe('APPROVALS.ROUND_CLOSED');
    expect(code(() => request.checkReviews({ status: 'pending_approval', version: 2 }))).toBe('ok');
  });

  it('awaits a decision only from an eligible approver who has not decided, while pending', () => {
    const request = open('all', ['m1', 'm2', 'admin'], 'admin');
    expect(['m1', 'm2', 'admin', 'rep', 'x'].map((id) => request.awaitsDecisionFrom(ok(id)))).toEqual([true, true, false, false, false]);
    expect(request.awaitsDecisionFrom({ id: 'm1', eligible: false })).toBe(false);
    request.decide(ok('m1'), 1, 'approve', null);
    expect([request.awaitsDecisionFrom(ok('m1')), request.awaitsDecisionFrom(ok('m2'))]).toEqual([false, true]);
    expect(request.cancel(new Date('2026-11-26T10:00:00Z'))).toBe(true);
    expect([request.awaitsDecisionFrom(ok('m2')), request.cancel(), request.decidedAt]).toEqual([false, false, new Date('2026-11-26T10:00:00Z')]);
    expect(request.summary()).toEqual({ requestId: request.id, quoteId: 'q1', quoteVersion: 2, round: 1, status: 'cancelled' });
  });
});

describe('approval settings', () => {
  it('refuses a save over a version other than the one read', () => {
    const saved = Object.assign(ApprovalSettings.initial(), { version: 4 });
    expect([code(() => saved.checkVersion(4)), code(() => saved.checkVersion(undefined)), code(() => saved.checkVersion(3))]).toEqual(['ok', 'ok', 'APPROVALS.STALE_SETTINGS']);
    expect(code(() => ApprovalSettings.initial().checkVersion(1))).toBe('ok');
  });
});

describe('diff between rounds', () => {
  const line = (id: string, overrides: Partial<QuoteSnapshot['lines'][number]> = {}) => ({ id, productName: `P${id}`, quantity: 1, unitPrice: '10.00', discount: null, net: '10.00', ...overrides });

  it('lists added, removed and changed lines with before and after', () => {
    const diff = diffSnapshots(snapshot([line('1'), line('2')], '20.00'), snapshot([line('1', { discount: '10%', net: '9.00' }), line('3')], '19.00'));
    expect(diff.quote).toEqual({ total: ['20.00', '19.00'] });
    expect(diff.lines).toEqual([
      { kind: 'changed', productName: 'P1', changes: { discount: [null, '10%'], net: ['10.00', '9.00'] } },
      { kind: 'added', productName: 'P3', changes: {} },
      { kind: 'removed', productName: 'P2', changes: {} },
    ]);
  });

  it('has nothing to show for the first round', () => {
    expect(diffSnapshots(null, snapshot([line('1')]))).toEqual({ lines: [], quote: {} });
  });
});
