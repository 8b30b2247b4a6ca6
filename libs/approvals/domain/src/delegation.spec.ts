import type { ApprovalRoute, RouteGroup } from '@qa/approvals-contracts';
import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from './approval-request';
import { Delegation, delegationChain, delegationLoop, standInFor, standInsFor, type DelegationWindow, type StandInContext } from './delegation';

const at = (iso: string) => new Date(`2026-12-${iso}Z`);
const window = (approverId: string, delegateId: string, from: string, to: string, cancelledAt: Date | null = null): DelegationWindow & { id: string } => ({
  id: `${approverId}->${delegateId}@${from}`,
  approverId,
  delegateId,
  startsAt: at(from),
  endsAt: at(to),
  cancelledAt,
});
const code = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as { code: string }).code;
  }
};
const fields = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as { code: string; details: { fields?: unknown } }).details.fields ?? null;
  }
};

describe('delegation windows by the clock', () => {
  const a = window('A', 'D', '05T09:00:00', '08T17:00:00');

  it('holds from its start up to (not at) its end, and not once cancelled', () => {
    expect(delegationChain('A', [a], at('05T08:59:59'))).toEqual([]);
    expect(delegationChain('A', [a], at('05T09:00:00'))).toEqual(['D']);
    expect(delegationChain('A', [a], at('08T16:59:59'))).toEqual(['D']);
    expect(delegationChain('A', [a], at('08T17:00:00'))).toEqual([]);
    expect(delegationChain('A', [{ ...a, cancelledAt: at('06T10:00:00') }], at('07T10:00:00'))).toEqual([]);
  });

  it('follows a chain while each link holds, and stops at a loop with a visited set', () => {
    const d = window('D', 'E', '06T00:00:00', '07T00:00:00');
    expect(delegationChain('A', [a, d], at('05T12:00:00'))).toEqual(['D']);
    expect(delegationChain('A', [a, d], at('06T12:00:00'))).toEqual(['D', 'E']);
    // A loop that slipped in (written before the check, or by hand) ends the chain instead of running forever.
    const back = window('E', 'A', '06T00:00:00', '07T00:00:00');
    expect(delegationChain('A', [a, d, back], at('06T12:00:00'))).toEqual(['D', 'E']);
  });
});

describe('who stands in', () => {
  const delegations = [window('A', 'D', '05T09:00:00', '08T17:00:00'), window('D', 'E', '06T00:00:00', '07T00:00:00')];
  const ctx = (overrides: Partial<StandInContext> = {}): StandInContext => ({
    delegations,
    at: at('05T12:00:00'),
    excluded: ['rep', 'sub'],
    mayApprove: (id) => id !== 'gone',
    fallbackId: 'F',
    ...overrides,
  });

  it('is the delegate while the window holds; the last of a chain who may act; nobody without a delegation', () => {
    expect(standInFor('A', ctx())).toEqual({ approverId: 'A', to: 'D', kind: 'delegated', reason: 'out-of-office', mayAct: ['D'] });
    expect(standInFor('A', ctx({ at: at('06T12:00:00') }))).toMatchObject({ to: 'E', mayAct: ['D', 'E'] });
    expect(standInFor('A', ctx({ at: at('09T12:00:00') }))).toBeNull();
    expect(standInFor('B', ctx())).toBeNull();
    expect([...standInsFor(['A', 'B', 'A'], ctx()).keys()]).toEqual(['A']);
  });

  it('is never the quote owner or submitter, nor someone who may not approve: then the fallback approver, else nobody', () => {
    expect(standInFor('A', ctx({ excluded: ['D'] }))).toEqual({ approverId: 'A', to: 'F', kind: 'fallback', reason: 'delegate-unavailable', mayAct: ['F'] });
    expect(standInFor('A', ctx({ at: at('06T12:00:00'), excluded: ['E'] }))).toMatchObject({ to: 'D', kind: 'delegated', mayAct: ['D'] });
    expect(standInFor('A', ctx({ mayApprove: (id) => id !== 'D' }))).toMatchObject({ to: 'F', kind: 'fallback' });
    expect(standInFor('A', ctx({ excluded: ['D', 'F'] }))).toBeNull();
    expect(standInFor('A', ctx({ excluded: ['D'], fallbackId: null }))).toBeNull();
    // The fallback approver is never the approver themselves.
    expect(standInFor('A', ctx({ excluded: ['D'], fallbackId: 'A' }))).toBeNull();
  });
});

describe('making a delegation', () => {
  const now = at('04T10:00:00');
  const make = (props: Partial<Parameters<typeof Delegation.create>[0]> = {}, others: Array<DelegationWindow & { id: string }> = [], eligible = { approverMayApprove: true, delegateMayApprove: true }) =>
    Delegation.create({ approverId: 'A', delegateId: 'D', startsAt: at('05T09:00:00'), endsAt: at('08T17:00:00'), note: ' Holiday ', createdBy: 'A', ...props }, { ...eligible, others }, now);

  it('keeps the window, the note trimmed, who made it and when', () => {
    expect(make()).toMatchObject({ approverId: 'A', delegateId: 'D', startsAt: at('05T09:00:00'), endsAt: at('08T17:00:00'), note: 'Holiday', createdBy: 'A', createdAt: now, cancelledAt: null });
  });

  it('refuses a delegate who is the approver or may not approve, an approver who may not, and a window that is empty or over', () => {
    expect(fields(() => make({ delegateId: 'A' }))).toEqual([{ field: 'delegateId', reason: 'must be someone else than the approver' }]);
    expect(fields(() => make({}, [], { approverMayApprove: true, delegateMayApprove: false }))).toEqual([{ field: 'delegateId', reason: 'must be an active manager or admin' }]);
    expect(fields(() => make({}, [], { approverMayApprove: false, delegateMayApprove: true }))).toEqual([{ field: 'approverId', reason: 'must be an active manager or admin' }]);
    expect(fields(() => make({ endsAt: at('05T09:00:00') }))).toEqual([{ field: 'endsAt', reason: 'must be after startsAt' }]);
    expect(fields(() => make({ startsAt: at('01T09:00:00'), endsAt: at('04T10:00:00') }))).toEqual([{ field: 'endsAt', reason: 'must be in the future' }]);
    // Started in the past and still running: fine (out of office since this morning).
    expect(code(() => make({ startsAt: at('04T08:00:00') }))).toBe('ok');
  });

  it('refuses a window overlapping another of the same approver (not a cancelled one, nor an adjacent one)', () => {
    const other = window('A', 'E', '08T00:00:00', '10T00:00:00');
    expect(code(() => make({}, [other]))).toBe('APPROVALS.DELEGATION_OVERLAPS');
    expect(code(() => make({}, [{ ...other, cancelledAt: now }]))).toBe('ok');
    expect(code(() => make({}, [window('A', 'E', '08T17:00:00', '10T00:00:00')]))).toBe('ok');
    expect(code(() => make({}, [window('B', 'E', '05T00:00:00', '10T00:00:00')]))).toBe('ok');
  });

  it('refuses a loop during the window: directly, through a chain, only where the links hold at once', () => {
    expect(code(() => make({}, [window('D', 'A', '06T00:00:00', '07T00:00:00')]))).toBe('APPROVALS.DELEGATION_LOOP');
    expect(code(() => make({}, [window('D', 'E', '06T00:00:00', '07T00:00:00'), window('E', 'A', '06T12:00:00', '09T00:00:00')]))).toBe('APPROVALS.DELEGATION_LOOP');
    // D → A only after A is back: no loop.
    expect(code(() => make({}, [window('D', 'A', '08T17:00:00', '12T00:00:00')]))).toBe('ok');
    // D → E and E → A never hold at the same moment: no loop either.
    expect(code(() => make({}, [window('D', 'E', '05T09:00:00', '06T00:00:00'), window('E', 'A', '07T00:00:00', '08T00:00:00')]))).toBe('ok');
    expect(delegationLoop({ approverId: 'A', delegateId: 'D', startsAt: at('05T00:00:00'), endsAt: at('06T00:00:00') }, [window('D', 'E', '05T00:00:00', '06T00:00:00'), window('E', 'A', '05T00:00:00', '06T00:00:00')])).toEqual(['A', 'D', 'E', 'A']);
  });

  it('is cancelled once, and not once it is over; the approver or an admin may change it', () => {
    const made = make();
    made.cancel(at('06T00:00:00'));
    expect(made.holdsAt(at('06T12:00:00'))).toBe(false);
    expect(code(() => made.cancel(at('06T01:00:00')))).toBe('APPROVALS.DELEGATION_CANCELLED');
    expect(code(() => make().cancel(at('09T00:00:00')))).toBe('APPROVALS.DELEGATION_OVER');
    expect([Delegation.mayChange({ userId: 'A', role: 'manager' }, 'A'), Delegation.mayChange({ userId: 'X', role: 'admin' }, 'A'), Delegation.mayChange({ userId: 'X', role: 'manager' }, 'A')]).toEqual([true, true, false]);
  });
});

// --- The round: decisions on behalf, reassignment, reminders, approvers who leave -----------

const group = (approverIds: string[], mode: 'any' | 'all' = 'any'): RouteGroup => ({ approverIds, mode, refs: approverIds.map((userId) => ({ kind: 'user', userId })), ruleIds: ['r1'], notes: [] });
const route = (...steps: RouteGroup[][]): ApprovalRoute => ({ policyVersion: 1, steps: steps.map((groups) => ({ groups })), rules: [{ ruleId: 'r1', ruleName: 'R', reasons: [{ code: 'always' }] }] });
const T0 = at('05T10:00:00');
const openRound = (r: ApprovalRoute, standIns = new Map()) =>
  ApprovalRequest.open({ quoteId: 'q1', quoteVersion: 2, round: 1, ownerId: 'rep', submittedBy: 'sub', route: r, snapshot: { title: 'Q', currency: 'EUR', total: '1.00', quoteDiscount: null, lines: [] }, standIns, now: T0 });
const ok = (id: string) => ({ id, eligible: true });
const standIns = (pairs: Array<[string, string]>) => new Map(pairs.map(([from, to]) => [from, { approverId: from, to, kind: 'delegated' as const, reason: 'out-of-office' as const, mayAct: [to] }]));

describe('deciding in the place of an approver out of office', () => {
  it("counts the delegate's approval as the approver's in an 'any' group, and says so in the timeline", () => {
    const request = openRound(route([group(['A', 'B'])]));
    request.pullEvents();
    request.decide(ok('D'), 1, 'approve', 'ok', T0, { onBehalfOf: 'A' });
    expect(request.status).toBe('approved');
    expect(request.decisions).toEqual([{ approverId: 'D', onBehalfOf: 'A', decision: 'approve', notes: 'ok', at: T0.toISOString(), step: 0 }]);
    expect(request.timeline().steps[0]!.groups[0]!.approvers.map((a) => [a.userId, a.state, a.decidedBy])).toEqual([
      ['A', 'approved', 'D'],
      ['B', 'not_needed', undefined],
    ]);
    expect(request.pullEvents().map((e) => [e.name, e.payload['decidedBy']])).toEqual([['approvals.request.approved.v1', 'D']]);
  });

  it("fills the approver's place in an 'all' group: the others still decide theirs, and the place is not decided twice", () => {
    const request = openRound(route([group(['A', 'B'], 'all')]));
    request.decide(ok('D'), 1, 'approve', null, T0, { onBehalfOf: 'A' });
    expect(request.status).toBe('pending');
    expect(code(() => request.decide(ok('A'), 1, 'approve', null, T0))).toBe('APPROVALS.ALREADY_DECIDED');
    expect(request.placeFor(ok('B'), [])).toBe('B');
    request.decide(ok('B'), 1, 'approve', null, T0);
    expect(request.status).toBe('approved');
  });

  it('never lets a delegation make self-approval: not the owner, not the submitter, nor one in the same all-of group', () => {
    const request = openRound(route([group(['A', 'D'], 'all')]));
    expect(code(() => request.decide(ok('rep'), 1, 'approve', null, T0, { onBehalfOf: 'A' }))).toBe('APPROVALS.OWN_QUOTE');
    expect(code(() => request.decide(ok('sub'), 1, 'approve', null, T0, { onBehalfOf: 'A' }))).toBe('APPROVALS.SUBMITTER_CANNOT_DECIDE');
    expect(code(() => request.decide({ id: 'X', eligible: false }, 1, 'approve', null, T0, { onBehalfOf: 'A' }))).toBe('APPROVALS.APPROVER_NOT_ELIGIBLE');
    expect(code(() => request.decide(ok('D'), 1, 'approve', null, T0, { onBehalfOf: 'A' }))).toBe('APPROVALS.STAND_IN_SHARES_GROUP');
    expect(request.placeFor(ok('D'), ['A'])).toBe('D');
    expect(request.placeFor(ok('rep'), ['A'])).toBeNull();
    expect(request.decisions).toEqual([]);
  });

  it('lets the approver themselves still decide; a stand-in for a later step waits for it', () => {
    const request = openRound(route([group(['A'])], [group(['C'])]));
    expect(code(() => request.decide(ok('E'), 1, 'approve', null, T0, { onBehalfOf: 'C' }))).toBe('APPROVALS.NOT_YOUR_STEP_YET');
    expect(request.placeFor(ok('E'), ['C'])).toBeNull();
    request.decide(ok('A'), 1, 'approve', null, T0);
    expect(request.placeFor(ok('E'), ['C'])).toBe('C');
  });

  it('asks the stand-in when a round opens or a step starts, and notes it in the activity', () => {
    const request = openRound(route([group(['A', 'B'], 'all')], [group(['C'])]), standIns([['A', 'D']]));
    const opened = request.pullEvents();
    expect(opened.map((e) => [e.name, e.payload['approverIds']])).toEqual([['approvals.request.opened.v1', ['D', 'B']]]);
    expect(request.activity).toEqual([{ kind: 'delegated', step: 0, from: 'A', to: 'D', by: null, note: null, reason: 'out-of-office', at: T0.toISOString() }]);
    request.decide(ok('A'), 1, 'approve', null, T0);
    const later = at('06T10:00:00');
    request.decide(ok('B'), 1, 'approve', null, later, { standIns: standIns([['C', 'E']]) });
    expect(request.pullEvents().map((e) => [e.name, e.payload['approverIds']])).toEqual([['approvals.request.step-started.v1', ['E']]]);
    expect(request.activity.at(-1)).toEqual({ kind: 'delegated', step: 1, from: 'C', to: 'E', by: null, note: null, reason: 'out-of-office', at: later.toISOString() });
  });

  it('sends an open step to the delegate of a delegation made now, once', () => {
    const request = openRound(route([group(['A', 'B'], 'all')]));
    request.pullEvents();
    expect(request.delegateOpenStep('A', standIns([['A', 'D']]), T0)).toBe(true);
    expect(request.delegateOpenStep('A', standIns([['A', 'D']]), T0)).toBe(false);
    expect(request.delegateOpenStep('B', standIns([['A', 'D']]), T0)).toBe(false);
    const [event, ...rest] = request.pullEvents();
    expect(rest).toEqual([]);
    expect([event!.name, event!.payload['approverIds'], event!.payload['activity']]).toEqual([
      'approvals.request.delegated.v1',
      ['D', 'B'],
      { kind: 'delegated', step: 0, from: 'A', to: 'D', by: null, note: null, reason: 'out-of-office', at: T0.toISOString() },
    ]);
  });
});

describe('reassigning a place', () => {
  const eligible = (id: string) => ({ id, eligible: true });
  const fresh = () => openRound(route([group(['A', 'B'], 'all')], [group(['C'])]));

  it("by the approver: their place goes to the other, with the note; the round's approvers include them", () => {
    const request = fresh();
    request.pullEvents();
    const activity = request.reassign({ id: 'A', admin: false }, 'A', eligible('N'), ' Back next week ', 1, T0);
    expect(activity).toEqual({ kind: 'reassigned', step: 0, from: 'A', to: 'N', by: 'A', note: 'Back next week', reason: null, at: T0.toISOString() });
    expect(request.route.steps[0]!.groups[0]!.approverIds).toEqual(['N', 'B']);
    expect(request.approverIds).toEqual(['A', 'B', 'C', 'N']);
    expect(request.pullEvents().map((e) => [e.name, e.payload['approverIds']])).toEqual([['approvals.request.reassigned.v1', ['N', 'B']]]);
    expect(code(() => request.decide(ok('A'), 1, 'approve', null, T0))).toBe('APPROVALS.ALREADY_DECIDED');
    request.decide(ok('N'), 1, 'approve', null, T0);
    request.decide(ok('B'), 1, 'approve', null, T0);
    expect(request.currentStep).toBe(1);
  });

  it("by an admin: anyone's open place in the current step; nobody else's", () => {
    const request = fresh();
    expect(code(() => request.reassign({ id: 'B', admin: false }, 'A', eligible('N'), 'x', 1, T0))).toBe('APPROVALS.NOT_YOUR_PLACE');
    expect(code(() => request.reassign({ id: 'C', admin: false }, 'C', eligible('N'), 'x', 1, T0))).toBe('APPROVALS.NOT_AN_APPROVER');
    expect(code(() => request.reassign({ id: 'adm', admin: true }, 'C', eligible('N'), 'x', 1, T0))).toBe('APPROVALS.NOT_IN_CURRENT_STEP');
    expect(code(() => request.reassign({ id: 'adm', admin: true }, 'B', eligible('N'), 'x', 1, T0))).toBe('ok');
    expect(code(() => request.reassign({ id: 'adm', admin: true }, 'A', eligible('N'), 'x', 2, T0))).toBe('APPROVALS.STALE_ROUND');
  });

  it('only to an eligible other, never the owner or submitter or one already in the group, and with a note', () => {
    const request = fresh();
    const as = (to: { id: string; eligible: boolean }, note: string | null = 'note') => fields(() => request.reassign({ id: 'A', admin: false }, 'A', to, note, 1, T0));
    expect(as(eligible('N'), '  ')).toEqual([{ field: 'note', reason: 'must not be empty' }]);
    expect(as(eligible('A'))).toEqual([{ field: 'to', reason: 'is the approver whose place this is' }]);
    expect(as(eligible('rep'))).toEqual([{ field: 'to', reason: 'owns the quote' }]);
    expect(as(eligible('sub'))).toEqual([{ field: 'to', reason: 'submitted the quote' }]);
    expect(as({ id: 'N', eligible: false })).toEqual([{ field: 'to', reason: 'must be an active manager or admin' }]);
    expect(as(eligible('B'))).toEqual([{ field: 'to', reason: 'is already an approver of this group' }]);
    request.decide(ok('A'), 1, 'approve', null, T0);
    expect(code(() => request.reassign({ id: 'A', admin: false }, 'A', eligible('N'), 'late', 1, T0))).toBe('APPROVALS.ALREADY_DECIDED');
  });
});

describe("the rep's reminder", () => {
  it('goes to the approvers still to decide (their stand-ins), at most once per step per cooldown, by the owner or submitter only', () => {
    const request = openRound(route([group(['A', 'B'], 'all')], [group(['C'])]));
    request.decide(ok('B'), 1, 'approve', null, T0);
    request.pullEvents();
    expect(code(() => request.remind('A', 1, T0, { cooldownHours: 24 }))).toBe('APPROVALS.NOT_YOURS_TO_REMIND');
    const sent = request.remind('rep', 1, T0, { cooldownHours: 24, standIns: standIns([['A', 'D']]) });
    expect(sent).toEqual({ kind: 'reminded', step: 0, from: null, to: null, by: 'rep', note: null, reason: null, at: T0.toISOString() });
    expect(request.pullEvents().map((e) => [e.name, e.payload['approverIds'], e.payload['activity']])).toEqual([['approvals.request.reminded.v1', ['D'], sent]]);
    const hour = 3_600_000;
    let error: { code: string; kind: string; details: { retryAt: string } } | null = null;
    try {
      request.remind('sub', 1, new Date(T0.getTime() + 23 * hour), { cooldownHours: 24 });
    } catch (e) {
      error = e as never;
    }
    expect(error).toMatchObject({ code: 'APPROVALS.REMINDER_TOO_SOON', kind: 'rate-limited', details: { retryAt: new Date(T0.getTime() + 24 * hour).toISOString() } });
    expect(request.reminderRetryAt(24)).toEqual(new Date(T0.getTime() + 24 * hour));
    expect(code(() => request.remind('sub', 1, new Date(T0.getTime() + 24 * hour), { cooldownHours: 24 }))).toBe('ok');
    // A new step: a new allowance.
    request.decide(ok('A'), 1, 'approve', null, new Date(T0.getTime() + 25 * hour));
    expect(request.reminderRetryAt(24)).toBeNull();
    expect(code(() => request.remind('rep', 1, new Date(T0.getTime() + 25 * hour), { cooldownHours: 24 }))).toBe('ok');
  });
});

describe('an approver who may no longer approve', () => {
  it('leaves their groups; a group left empty goes to the fallback approver, with the route note and the activity; once', () => {
    const request = openRound(route([group(['A'])], [group(['A', 'C'], 'all')]));
    request.pullEvents();
    expect(request.removeApprover('A', 'inactive', 'F', T0)).toBe(true);
    expect(request.route.steps.map((s) => s.groups.map((g) => [g.approverIds, g.notes]))).toEqual([[[['F'], [{ code: 'fallback', because: 'inactive', to: 'F' }]]], [[['C'], []]]]);
    expect(request.activity.map((a) => [a.kind, a.step, a.from, a.to, a.reason])).toEqual([
      ['fallback', 0, 'A', 'F', 'inactive'],
      ['fallback', 1, 'A', null, 'inactive'],
    ]);
    expect(request.approverIds).toEqual(['A', 'C', 'F']);
    expect(request.pullEvents()).toEqual([]);
    expect(request.removeApprover('A', 'inactive', 'F', T0)).toBe(false);
    request.decide(ok('F'), 1, 'approve', null, T0);
    expect(request.approversNow()).toEqual(['C']);
  });

  it('stays, the group marked unresolved, when there is no fallback approver (or it is the owner); once', () => {
    const request = openRound(route([group(['A'])]));
    expect(request.removeApprover('A', 'inactive', 'rep', T0)).toBe(true);
    expect(request.route.steps[0]!.groups[0]).toMatchObject({ approverIds: ['A'], notes: [{ code: 'unresolved', because: 'inactive' }] });
    expect(request.removeApprover('A', 'inactive', null, T0)).toBe(false);
    expect(request.activity).toHaveLength(1);
    // An admin gives the place to someone else.
    request.reassign({ id: 'adm', admin: true }, 'A', ok('N'), 'A left', 1, T0);
    request.decide(ok('N'), 1, 'approve', null, T0);
    expect(request.status).toBe('approved');
  });

  it('completes the step when the others of an all-of group have approved; a decision they made stands', () => {
    const request = openRound(route([group(['A', 'B'], 'all')], [group(['C'])]));
    request.decide(ok('B'), 1, 'approve', null, T0);
    request.pullEvents();
    request.removeApprover('A', 'inactive', 'F', T0, standIns([['C', 'E']]));
    expect(request.currentStep).toBe(1);
    expect(request.pullEvents().map((e) => [e.name, e.payload['approverIds'], e.payload['decidedBy']])).toEqual([['approvals.request.step-started.v1', ['E'], null]]);

    const decided = openRound(route([group(['A', 'B'], 'all')]));
    decided.decide(ok('A'), 1, 'approve', null, T0);
    expect(decided.removeApprover('A', 'inactive', 'F', T0)).toBe(false);
    expect(decided.route.steps[0]!.groups[0]!.approverIds).toEqual(['A', 'B']);
  });
});
