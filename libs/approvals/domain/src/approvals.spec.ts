import type { QuoteApprovalFacts } from '@qa/approvals-contracts';
import { describe, expect, it } from 'vitest';
import { ApprovalRequest, diffSnapshots, type QuoteSnapshot } from './approval-request';
import { evaluateApproval, type ApprovalSettingsState } from './approval-rules';
import { ApprovalSettings } from './approval-settings';

const facts = (overrides: Partial<QuoteApprovalFacts> = {}): QuoteApprovalFacts => ({
  quoteId: 'q1',
  ownerId: 'rep',
  currency: 'EUR',
  totalMinor: 1_250_000, // 12,500.00
  effectiveDiscountBp: 2500,
  largestLineDiscountBp: 3000,
  dealStage: 'contract_sent',
  ...overrides,
});

const settings = (overrides: Partial<ApprovalSettingsState> = {}): ApprovalSettingsState => ({
  requireApproval: false,
  defaultApproverId: 'manager',
  rules: [
    { id: 'r1', name: 'Big discounts', priority: 1, conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: '20' }], approverIds: ['director', 'manager'], mode: 'all' },
    { id: 'r2', name: 'Large deals', priority: 2, conditions: [{ field: 'total', operator: 'gte', value: '10000' }], approverIds: ['manager'], mode: 'any' },
  ],
  ...overrides,
});

describe('approval rules', () => {
  it('applies the first matching rule by priority and says why', () => {
    expect(evaluateApproval(settings(), facts())).toEqual({ required: true, approverIds: ['director', 'manager'], mode: 'all', reasons: ['discount 25.00% > 20%'], ruleName: 'Big discounts' });
  });

  it('compares totals exactly in the quote currency', () => {
    const verdict = evaluateApproval(settings(), facts({ effectiveDiscountBp: 500, totalMinor: 999_999 }));
    expect(verdict.required).toBe(false);
    expect(evaluateApproval(settings(), facts({ effectiveDiscountBp: 500, totalMinor: 1_000_000 }))).toMatchObject({ required: true, ruleName: 'Large deals', reasons: ['total 10000.00 EUR ≥ 10000 EUR'] });
  });

  it('falls back to the default approver when approval is required on all quotes', () => {
    expect(evaluateApproval(settings({ requireApproval: true, rules: [] }), facts())).toEqual({ required: true, approverIds: ['manager'], mode: 'any', reasons: ['approval is required on all quotes'], ruleName: 'All quotes' });
    expect(evaluateApproval(settings({ requireApproval: false, rules: [] }), facts()).required).toBe(false);
  });

  it('never lets a rep approve their own quote, even when named as the approver', () => {
    const verdict = evaluateApproval(settings({ requireApproval: true, defaultApproverId: 'rep', rules: [] }), facts());
    expect(verdict.approverIds).toEqual([]);
    expect(verdict.reasons.at(-1)).toMatch(/no approver other than the quote owner/);
  });

  it('matches currencies, deal stages and lists', () => {
    const rule = (field: 'currency' | 'dealStage', operator: 'eq' | 'in', value: string | string[]) => settings({ rules: [{ id: 'x', name: 'x', priority: 1, conditions: [{ field, operator, value }], approverIds: ['m'], mode: 'any' }] });
    expect(evaluateApproval(rule('currency', 'eq', 'USD'), facts()).required).toBe(false);
    expect(evaluateApproval(rule('dealStage', 'in', ['contract_sent', 'closed_won']), facts()).required).toBe(true);
  });
});

const snapshot = (lines: QuoteSnapshot['lines'], total = '100.00'): QuoteSnapshot => ({ title: 'Q', currency: 'EUR', total, quoteDiscount: null, lines });
const open = (mode: 'any' | 'all' = 'any', approverIds = ['m1', 'm2'], submittedBy: string | null = 'rep') =>
  ApprovalRequest.open({ quoteId: 'q1', quoteVersion: 2, round: 1, ownerId: 'rep', submittedBy, approverIds, mode, reasons: [], snapshot: snapshot([]) });
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
    const request = ApprovalRequest.open({ quoteId: 'q1', quoteVersion: 2, round: 3, ownerId: 'rep', submittedBy: 'rep', approverIds: ['m1', 'rep'], mode: 'any', reasons: [], snapshot: snapshot([]) });
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

describe('approvers at submit', () => {
  it('leaves out the submitter and anyone who may not approve now, and says so when nobody is left', () => {
    const all = settings({ rules: [{ id: 'r', name: 'Everything', priority: 1, conditions: [], approverIds: ['admin', 'manager', 'gone'], mode: 'all' }] });
    expect(evaluateApproval(all, facts({ submittedBy: 'admin' }), new Set(['admin', 'manager']))).toMatchObject({ required: true, approverIds: ['manager'], mode: 'all' });
    const onlyGone = evaluateApproval(settings({ requireApproval: true, defaultApproverId: 'gone', rules: [] }), facts(), new Set(['manager']));
    expect(onlyGone).toMatchObject({ required: true, approverIds: [] });
    expect(onlyGone.reasons.at(-1)).toBe('no active approver: an admin must choose one');
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
