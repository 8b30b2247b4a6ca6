import type { ApprovalRoute, RouteGroup, WatchableField } from '@qa/approvals-contracts';
import { describe, expect, it } from 'vitest';
import { ApprovalRequest, type QuoteSnapshot } from './approval-request';
import { changedFields } from './reapproval';

// Smart re-approval: a resubmitted quote's new round keeps the approvals of groups whose rules'
// watched fields did not change.

const ALL_ELIGIBLE = new Set(['m1', 'm2', 'f1', 'd1', 'admin']);
const ok = (id: string) => ({ id, eligible: true });

const line = (id: string, overrides: Partial<QuoteSnapshot['lines'][number]> = {}): QuoteSnapshot['lines'][number] => ({
  id,
  productName: `P${id}`,
  quantity: 1,
  unitPrice: '100.00',
  discount: null,
  net: '100.00',
  billingPeriod: 'one_time',
  ...overrides,
});
const quote = (overrides: Partial<QuoteSnapshot> = {}): QuoteSnapshot => ({
  title: 'Website',
  currency: 'EUR',
  total: '200.00',
  quoteDiscount: null,
  lines: [line('1'), line('2')],
  expiresOn: '2027-01-31',
  paymentTermsDays: 30,
  companyId: 'c1',
  dealId: 'd-1',
  ...overrides,
});

const group = (ruleId: string, approverIds: string[], mode: 'any' | 'all' = 'any'): RouteGroup => ({
  approverIds,
  mode,
  refs: approverIds.map((userId) => ({ kind: 'user', userId })),
  ruleIds: [ruleId],
  notes: [],
});
/** Rule "manager" (watching `watch`) asks m1 at step 1; rule "director" (watching `directorWatch`) asks d1 at step 2. */
const twoSteps = (watch: WatchableField[], directorWatch: WatchableField[] = []): ApprovalRoute => ({
  policyVersion: 3,
  steps: [{ groups: [group('manager', ['m1'])] }, { groups: [group('director', ['d1'])] }],
  rules: [
    { ruleId: 'manager', ruleName: 'Manager', reasons: [{ code: 'always' }], ...(watch.length ? { watchedFields: watch } : {}) },
    { ruleId: 'director', ruleName: 'Director', reasons: [{ code: 'always' }], ...(directorWatch.length ? { watchedFields: directorWatch } : {}) },
  ],
});

const openRound = (round: number, route: ApprovalRoute, snapshot: QuoteSnapshot, previous?: ApprovalRequest, eligible: ReadonlySet<string> = ALL_ELIGIBLE, submittedBy = 'rep') =>
  ApprovalRequest.open({
    quoteId: 'q1',
    quoteVersion: round * 2,
    round,
    ownerId: 'rep',
    submittedBy,
    route,
    snapshot,
    carryOver: previous ? { previous, eligibleApproverIds: eligible } : undefined,
    now: new Date(`2026-12-0${round}T10:00:00Z`),
  });

/** Round 1 of `route`: step 1 approved by m1 (with a note), step 2 asks for changes. */
const sentBack = (route: ApprovalRoute, snapshot = quote()) => {
  const round = openRound(1, route, snapshot);
  round.decide(ok('m1'), 1, 'approve', 'Fine by me', new Date('2026-12-01T11:00:00Z'));
  round.decide(ok('d1'), 1, 'request_changes', 'Longer terms', new Date('2026-12-01T12:00:00Z'));
  round.pullEvents();
  return round;
};

describe('changedFields: what changed between two submissions', () => {
  it.each<[string, Partial<QuoteSnapshot>, WatchableField[]]>([
    ['nothing', {}, []],
    ['the title', { title: 'Website v2' }, ['title']],
    ['the total', { total: '180.00' }, ['total']],
    ['the quote discount', { quoteDiscount: '10%' }, ['quoteDiscount']],
    ['the currency', { currency: 'USD' }, ['currency']],
    ['the expiry date', { expiresOn: '2027-02-28' }, ['expiresOn']],
    ['the payment terms', { paymentTermsDays: 60 }, ['paymentTerms']],
    ['the company', { companyId: 'c2' }, ['company']],
    ['the deal', { dealId: null }, ['deal']],
    ['a line discount', { lines: [line('1', { discount: '5%', net: '95.00' }), line('2')] }, ['lineDiscounts']],
    ['a quantity', { lines: [line('1', { quantity: 2, net: '200.00' }), line('2')] }, ['lines']],
    ['a unit price', { lines: [line('1'), line('2', { unitPrice: '90.00', net: '90.00' })] }, ['lines']],
    ['a line added', { lines: [line('1'), line('2'), line('3')] }, ['lines']],
    ['a line removed', { lines: [line('1')] }, ['lines']],
  ])('sees %s', (_what, change, expected) => {
    expect([...changedFields(quote(), quote(change))].sort()).toEqual([...expected].sort());
  });

  it('counts a line removed with its discount as a change of line discounts too', () => {
    expect([...changedFields(quote({ lines: [line('1'), line('2', { discount: '5%' })] }), quote({ lines: [line('1')] }))].sort()).toEqual(['lineDiscounts', 'lines']);
  });

  it('counts a field an old snapshot did not keep as changed', () => {
    const old: QuoteSnapshot = { title: 'Website', currency: 'EUR', total: '200.00', quoteDiscount: null, lines: [line('1'), line('2')] };
    expect([...changedFields(old, quote())].sort()).toEqual(['company', 'deal', 'expiresOn', 'paymentTerms']);
  });
});

describe('opening a round after a resubmission', () => {
  it('keeps step 1 when only an unwatched field changed: carried over from round 1, the round starts at step 2', () => {
    const route = twoSteps(['total']);
    const round2 = openRound(2, route, quote({ title: 'Website v2' }), sentBack(route));
    expect(round2.decisions).toEqual([{ approverId: 'm1', decision: 'approve', notes: 'Fine by me', at: '2026-12-01T11:00:00.000Z', step: 0, carriedFromRound: 1 }]);
    expect([round2.status, round2.currentStep, round2.approversNow()]).toEqual(['pending', 1, ['d1']]);
    expect(round2.pullEvents().map((e) => [e.name, e.payload.step, e.payload.approverIds])).toEqual([['approvals.request.opened.v1', 2, ['d1']]]);
    const timeline = round2.timeline();
    expect(timeline.currentStep).toBe(2);
    expect(timeline.steps.map((s) => [s.state, s.groups[0]!.approvers[0]])).toEqual([
      ['approved', { userId: 'm1', state: 'approved', at: '2026-12-01T11:00:00.000Z', notes: 'Fine by me', carriedFromRound: 1 }],
      ['pending', { userId: 'd1', state: 'pending', at: null, notes: null, carriedFromRound: null }],
    ]);
  });

  it.each<[WatchableField, Partial<QuoteSnapshot>]>([
    ['total', { total: '180.00' }],
    ['title', { title: 'Website v2' }],
    ['quoteDiscount', { quoteDiscount: '5%' }],
    ['lineDiscounts', { lines: [line('1', { discount: '5%' }), line('2')] }],
    ['lines', { lines: [line('1'), line('2'), line('3')] }],
    ['currency', { currency: 'USD' }],
    ['expiresOn', { expiresOn: '2027-03-01' }],
    ['paymentTerms', { paymentTermsDays: 45 }],
    ['company', { companyId: 'c9' }],
    ['deal', { dealId: 'd-9' }],
  ])('asks step 1 again when the watched field %s changed', (field, change) => {
    const route = twoSteps([field]);
    const round2 = openRound(2, route, quote(change), sentBack(route));
    expect([round2.decisions, round2.currentStep, round2.approversNow()]).toEqual([[], 0, ['m1']]);
    expect(round2.timeline().steps[0]!.groups[0]!.approvers[0]).toEqual({ userId: 'm1', state: 'pending', at: null, notes: null, carriedFromRound: null });
  });

  it('asks again on any change when the rule watches nothing (as before watch lists)', () => {
    const route = twoSteps([]);
    const round2 = openRound(2, route, quote({ title: 'Website v2' }), sentBack(route));
    expect([round2.decisions, round2.currentStep]).toEqual([[], 0]);
    // Even with nothing changed at all.
    expect(openRound(2, route, quote(), sentBack(route)).decisions).toEqual([]);
  });

  it('approves the round at once when every step keeps its approval, with the same approved event as a last approval', () => {
    // Round 1: finance (a rule on the quote discount) asked for changes beside the director at step 2;
    // the rep drops the quote discount, so round 2 routes the manager and the director only.
    const route = twoSteps(['lines'], ['paymentTerms']);
    const withFinance: ApprovalRoute = {
      ...route,
      steps: [route.steps[0]!, { groups: [group('director', ['d1']), group('finance', ['f1'])] }],
      rules: [...route.rules, { ruleId: 'finance', ruleName: 'Finance', reasons: [{ code: 'always' }] }],
    };
    const round1 = openRound(1, withFinance, quote({ quoteDiscount: '10%', total: '180.00' }));
    round1.decide(ok('m1'), 1, 'approve', null, new Date('2026-12-01T11:00:00Z'));
    round1.decide(ok('d1'), 1, 'approve', null, new Date('2026-12-01T12:00:00Z'));
    round1.decide(ok('f1'), 1, 'request_changes', 'No discount', new Date('2026-12-01T12:30:00Z'));
    const round2 = openRound(2, route, quote(), round1);
    expect([round2.status, round2.decidedAt, round2.currentStep]).toEqual(['approved', new Date('2026-12-02T10:00:00Z'), 1]);
    expect(round2.decisions.map((d) => [d.approverId, d.step, d.carriedFromRound])).toEqual([
      ['m1', 0, 1],
      ['d1', 1, 1],
    ]);
    expect(round2.pullEvents().map((e) => [e.name, e.payload.round, e.payload.step, e.payload.steps, e.payload.decidedBy])).toEqual([['approvals.request.approved.v1', 2, 2, 2, null]]);
    expect(round2.timeline().currentStep).toBeNull();
  });

  it('does not carry an approver who may no longer approve (deactivated, or the one submitting now)', () => {
    const route = twoSteps(['total']);
    const notEligible = openRound(2, route, quote(), sentBack(route), new Set(['d1']));
    expect([notEligible.decisions, notEligible.currentStep]).toEqual([[], 0]);
    const submitter = openRound(2, route, quote(), sentBack(route), ALL_ELIGIBLE, 'm1');
    expect([submitter.decisions, submitter.currentStep]).toEqual([[], 0]);
  });

  it('does not carry from a round whose group was not approved, nor into a group that is not the same', () => {
    const route = twoSteps(['total'], ['total']);
    // Step 2 asked for changes: it is asked again, however little changed.
    expect(openRound(2, route, quote(), sentBack(route)).decisions.map((d) => d.step)).toEqual([0]);
    // The rule now names someone else at step 1.
    const other: ApprovalRoute = { ...route, steps: [{ groups: [group('manager', ['m2'])] }, route.steps[1]!] };
    expect(openRound(2, other, quote(), sentBack(route)).decisions).toEqual([]);
    // The group is now there for two rules.
    const merged: ApprovalRoute = { ...route, steps: [{ groups: [{ ...group('manager', ['m1']), ruleIds: ['manager', 'director'] }] }, route.steps[1]!] };
    expect(openRound(2, merged, quote(), sentBack(route)).decisions).toEqual([]);
  });

  it('carries an "all" group only when every approver it has now approved and may still approve', () => {
    const route = (ids: string[]): ApprovalRoute => ({ policyVersion: 3, steps: [{ groups: [group('finance', ids, 'all')] }], rules: [{ ruleId: 'finance', ruleName: 'Finance', reasons: [{ code: 'always' }], watchedFields: ['total'] }] });
    const round1 = openRound(1, route(['f1', 'm2']), quote());
    round1.decide(ok('f1'), 1, 'approve', null);
    round1.decide(ok('m2'), 1, 'approve', null);
    Object.assign(round1, { status: 'cancelled' });
    expect(openRound(2, route(['f1', 'm2']), quote(), round1).status).toBe('approved');
    expect(openRound(2, route(['f1', 'm2']), quote(), round1, new Set(['f1'])).decisions).toEqual([]);
  });

  it('does not carry an approval that would also complete a group of the same step asked again', () => {
    const route: ApprovalRoute = {
      policyVersion: 3,
      steps: [{ groups: [group('manager', ['m1']), group('pricing', ['m1', 'f1'])] }, { groups: [group('director', ['d1'])] }],
      rules: [
        { ruleId: 'manager', ruleName: 'Manager', reasons: [{ code: 'always' }], watchedFields: ['title'] },
        { ruleId: 'pricing', ruleName: 'Pricing', reasons: [{ code: 'always' }], watchedFields: ['total'] },
        { ruleId: 'director', ruleName: 'Director', reasons: [{ code: 'always' }] },
      ],
    };
    const round2 = openRound(2, route, quote({ total: '150.00' }), sentBack(route));
    expect([round2.decisions, round2.currentStep]).toEqual([[], 0]);
  });

  it('names the round an approval was made in when it is carried again', () => {
    const route = twoSteps(['total']);
    const round2 = openRound(2, route, quote({ title: 'v2' }), sentBack(route));
    round2.decide(ok('d1'), 2, 'request_changes', 'Still too long', new Date('2026-12-02T12:00:00Z'));
    const round3 = openRound(3, route, quote({ title: 'v3' }), round2);
    expect(round3.decisions.map((d) => [d.approverId, d.step, d.carriedFromRound, d.at])).toEqual([['m1', 0, 1, '2026-12-01T11:00:00.000Z']]);
  });
});
