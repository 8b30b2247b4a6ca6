import { brokenLimits, type ApprovalRoute, type LimitFigures, type RouteGroup } from '@qa/approvals-contracts';
import { DomainError } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { checkLimitsInput, tightestLimits } from './approval-limits';
import { ApprovalRequest } from './approval-request';

const group = (approverIds: string[], mode: 'any' | 'all' = 'any'): RouteGroup => ({ approverIds, mode, refs: approverIds.map((userId) => ({ kind: 'user', userId })), ruleIds: ['r1'], notes: [] });
const route = (...steps: RouteGroup[][]): ApprovalRoute => ({ policyVersion: 7, steps: steps.map((groups) => ({ groups })), rules: [] });
const open = (r: ApprovalRoute, currency = 'EUR') =>
  ApprovalRequest.open({ quoteId: 'q1', quoteVersion: 2, round: 1, ownerId: 'rep', submittedBy: 'rep', route: r, snapshot: { title: 'Q', currency, total: '12000.00', quoteDiscount: null, lines: [] } });
const ok = (id: string) => ({ id, eligible: true });
/** A quote of EUR 12,000.00 with one line at 10 % off and a quote discount of EUR 300.00 off EUR 12,300.00. */
const figures: LimitFigures = {
  currency: 'EUR',
  totalMinor: 1_200_000,
  discounts: [
    { on: 'line', lineId: 'l1', productName: 'Licences', part: 1000, whole: 10_000 },
    { on: 'quote', part: 30_000, whole: 1_230_000 },
  ],
};

const refusal = (act: () => unknown) => {
  try {
    act();
    return null;
  } catch (error) {
    return error instanceof DomainError ? { code: error.code, kind: error.kind, ...error.details } : error;
  }
};

describe('approval limits as an approver sends them', () => {
  it('are written canonically: a percent with two decimals, an amount with the currency\'s decimals; empty means no bound', () => {
    expect(checkLimitsInput({ maxDiscountPercent: '15', minTotal: '10000' }, 'EUR')).toEqual({ maxDiscountPercent: '15.00', minTotal: '10000.00' });
    expect(checkLimitsInput({ maxDiscountPercent: ' 12.5 ', minTotal: '' }, 'EUR')).toEqual({ maxDiscountPercent: '12.50', minTotal: null });
    expect(checkLimitsInput({ minTotal: '1500000' }, 'JPY')).toEqual({ maxDiscountPercent: null, minTotal: '1500000' });
    expect(checkLimitsInput({ maxDiscountPercent: '0', minTotal: '0' }, 'EUR')).toEqual({ maxDiscountPercent: '0.00', minTotal: '0.00' });
    expect(checkLimitsInput({ maxDiscountPercent: '100' }, 'EUR')).toEqual({ maxDiscountPercent: '100.00', minTotal: null });
  });

  it('are refused with 422 naming each bad field: a percent outside 0–100 or with more decimals, an amount below 0 or with more decimals than the currency', () => {
    const fields = (input: Parameters<typeof checkLimitsInput>[0], currency = 'EUR') => (refusal(() => checkLimitsInput(input, currency)) as { fields: Array<{ field: string }> } | null)?.fields.map((f) => f.field);
    expect(refusal(() => checkLimitsInput({ maxDiscountPercent: '100.01', minTotal: '-5' }, 'EUR'))).toEqual({
      code: 'APPROVALS.INVALID_LIMITS',
      kind: 'invalid',
      fields: [
        { field: 'limits.maxDiscountPercent', reason: 'must be a percent from 0 to 100 with at most two decimals' },
        { field: 'limits.minTotal', reason: 'must be an amount of 0 or more' },
      ],
    });
    expect(fields({ maxDiscountPercent: '15.005' })).toEqual(['limits.maxDiscountPercent']);
    expect(fields({ maxDiscountPercent: '-1' })).toEqual(['limits.maxDiscountPercent']);
    expect(fields({ maxDiscountPercent: 'fifteen' })).toEqual(['limits.maxDiscountPercent']);
    expect(fields({ minTotal: '10000.001' })).toEqual(['limits.minTotal']);
    expect(refusal(() => checkLimitsInput({ minTotal: '10.5' }, 'JPY'))).toMatchObject({ fields: [{ field: 'limits.minTotal', reason: 'must have at most 0 decimals in JPY' }] });
    expect(refusal(() => checkLimitsInput({ maxDiscountPercent: ' ', minTotal: null }, 'EUR'))).toEqual({
      code: 'APPROVALS.INVALID_LIMITS',
      kind: 'invalid',
      fields: [{ field: 'limits', reason: 'must set a maximum discount, a minimum total, or both' }],
    });
    expect(fields({})).toEqual(['limits']);
  });
});

describe('a quote against limits', () => {
  it('is within them at exactly the bounds, beyond them a hundredth of a percent or a cent past', () => {
    expect(brokenLimits({ maxDiscountPercent: '10.00', minTotal: '12000.00' }, figures)).toEqual([]);
    expect(brokenLimits({ maxDiscountPercent: '9.99', minTotal: '12000.01' }, figures)).toEqual([
      { bound: 'maxDiscountPercent', limit: '9.99', actual: '10.00', on: 'line', lineId: 'l1', productName: 'Licences' },
      { bound: 'minTotal', limit: '12000.01', actual: '12000.00', currency: 'EUR' },
    ]);
    // EUR 300.00 of EUR 12,300.00 is 2.4390…%: within 2.44, beyond 2.43 (shown rounded up).
    expect(brokenLimits({ maxDiscountPercent: '2.44', minTotal: null }, { ...figures, discounts: [figures.discounts[1]!] })).toEqual([]);
    expect(brokenLimits({ maxDiscountPercent: '2.43', minTotal: null }, { ...figures, discounts: [figures.discounts[1]!] })).toEqual([
      { bound: 'maxDiscountPercent', limit: '2.43', actual: '2.44', on: 'quote' },
    ]);
  });
});

describe('approving with limits', () => {
  it('keeps each decision\'s limits and sends the tightest over the round\'s approvals with the approval', () => {
    // Step 1: m1 and m2 (all); step 2: d1.
    const request = open(route([group(['m1', 'm2'], 'all')], [group(['d1'])]));
    request.pullEvents();
    request.decide(ok('m1'), 1, 'approve', null, new Date(), { limits: { maxDiscountPercent: '15', minTotal: '9000' }, quoteFigures: figures });
    request.decide(ok('m2'), 1, 'approve', null, new Date(), { limits: { maxDiscountPercent: '12.5' }, quoteFigures: figures });
    request.decide(ok('d1'), 1, 'approve', 'Fine', new Date(), { limits: { minTotal: '11000' }, quoteFigures: figures });
    expect(request.decisions.map((d) => [d.approverId, d.limits])).toEqual([
      ['m1', { maxDiscountPercent: '15.00', minTotal: '9000.00' }],
      ['m2', { maxDiscountPercent: '12.50', minTotal: null }],
      ['d1', { maxDiscountPercent: null, minTotal: '11000.00' }],
    ]);
    expect(request.status).toBe('approved');
    const approved = request.pullEvents().find((e) => e.name === 'approvals.request.approved.v1');
    expect(approved?.payload['limits']).toEqual({ maxDiscountPercent: '12.50', minTotal: '11000.00' });
  });

  it('sends no limits when an approval set none: that approver approved the quote exactly as it is', () => {
    const plain = open(route([group(['m1'])]));
    plain.decide(ok('m1'), 1, 'approve', null);
    expect([plain.decisions[0]!.limits, plain.pullEvents().at(-1)?.payload['limits']]).toEqual([undefined, null]);

    const mixed = open(route([group(['m1', 'm2'], 'all')]));
    mixed.decide(ok('m1'), 1, 'approve', null, new Date(), { limits: { maxDiscountPercent: '20' }, quoteFigures: figures });
    mixed.decide(ok('m2'), 1, 'approve', null);
    expect(mixed.pullEvents().at(-1)?.payload['limits']).toBeNull();
  });

  it('refuses limits the quote is already beyond (422 limits-not-met, the bounds named) and records nothing', () => {
    const request = open(route([group(['m1'])]));
    expect(refusal(() => request.decide(ok('m1'), 1, 'approve', null, new Date(), { limits: { maxDiscountPercent: '5', minTotal: '12000' }, quoteFigures: figures }))).toEqual({
      code: 'APPROVALS.LIMITS_NOT_MET',
      kind: 'invalid',
      reason: 'limits-not-met',
      broken: [{ bound: 'maxDiscountPercent', limit: '5.00', actual: '10.00', on: 'line', lineId: 'l1', productName: 'Licences' }],
    });
    expect([request.status, request.decisions]).toEqual(['pending', []]);
  });

  it('checks who and the round before the limits, and takes limits only with an approval', () => {
    const request = open(route([group(['m1'])]));
    expect(refusal(() => request.decide(ok('x'), 1, 'approve', null, new Date(), { limits: { maxDiscountPercent: '500' }, quoteFigures: figures }))).toMatchObject({ code: 'APPROVALS.NOT_AN_APPROVER' });
    expect(refusal(() => request.decide(ok('m1'), 2, 'approve', null, new Date(), { limits: { maxDiscountPercent: '500' }, quoteFigures: figures }))).toMatchObject({ code: 'APPROVALS.STALE_ROUND' });
    expect(refusal(() => request.decide(ok('m1'), 1, 'approve', null, new Date(), { limits: { maxDiscountPercent: '500' }, quoteFigures: figures }))).toMatchObject({
      code: 'APPROVALS.INVALID_LIMITS',
      fields: [{ field: 'limits.maxDiscountPercent' }],
    });
    expect(refusal(() => request.decide(ok('m1'), 1, 'request_changes', 'Lower it', new Date(), { limits: { maxDiscountPercent: '15' }, quoteFigures: figures }))).toMatchObject({
      code: 'APPROVALS.INVALID_LIMITS',
      fields: [{ field: 'limits', reason: 'only an approval sets limits' }],
    });
    expect(request.decisions).toEqual([]);
  });
});

describe('the tightest limits', () => {
  it('take the lowest maximum discount and the highest minimum total, compared as numbers', () => {
    expect(
      tightestLimits(
        [
          { maxDiscountPercent: '9.50', minTotal: '900.00' },
          { maxDiscountPercent: '10.00', minTotal: '10000.00' },
          { maxDiscountPercent: null, minTotal: '2000.00' },
        ],
        'EUR',
      ),
    ).toEqual({ maxDiscountPercent: '9.50', minTotal: '10000.00' });
    expect(tightestLimits([{ maxDiscountPercent: '15.00', minTotal: null }], 'EUR')).toEqual({ maxDiscountPercent: '15.00', minTotal: null });
    expect(tightestLimits([], 'EUR')).toBeNull();
  });
});
