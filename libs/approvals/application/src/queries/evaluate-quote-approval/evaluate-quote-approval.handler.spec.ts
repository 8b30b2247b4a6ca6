import { EvaluateQuoteApprovalQuery, type QuoteApprovalFacts } from '@qa/approvals-contracts';
import type { PolicyRule } from '@qa/approvals-domain';
import { describe, expect, it } from 'vitest';
import { approvalsWorld, user } from '../../testing/in-memory-approvals';
import { EvaluateQuoteApprovalHandler } from './evaluate-quote-approval.handler';

/** rep-1's quote of 12,500.00 EUR at 25 % off, net 45 days, on deal-1 (contract sent), expiring 2027-01-31; an admin submits it. */
const facts: QuoteApprovalFacts = {
  quoteId: 'q1',
  ownerId: 'rep-1',
  currency: 'EUR',
  totalMinor: 1_250_000,
  discountMinor: 416_667,
  effectiveDiscountBp: 2500,
  largestLineDiscountBp: 2500,
  lines: [{ productName: 'Design', billingPeriod: 'monthly' }],
  paymentTermsDays: 45,
  expiresOn: '2027-01-31',
  dealId: 'deal-1',
  companyId: null,
  submittedBy: 'admin-1',
};

const rule = (overrides: Partial<PolicyRule>): PolicyRule => ({ id: 'r1', name: 'Big discounts', when: [], route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'manager', levels: 1 }] }] }], firstMatchOnly: false, ...overrides });

describe('EvaluateQuoteApprovalHandler', () => {
  it('routes by the policy now, with the deal, the owner and the clock read for the conditions', async () => {
    const world = approvalsWorld();
    world.settings.current.version = 4;
    world.settings.current.rules = [
      rule({
        when: [
          {
            conditions: [
              { field: 'effectiveDiscountPercent', operator: 'gt', value: 20 },
              { field: 'dealStage', operator: 'eq', value: 'contract_sent' },
              { field: 'ownerTeam', operator: 'eq', value: 'Sales' },
              { field: 'daysUntilExpiry', operator: 'eq', value: 59 },
              { field: 'recurring', operator: 'eq', value: true },
            ],
          },
        ],
        route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'manager', levels: 1 }] }] }, { groups: [{ mode: 'all', approvers: [{ kind: 'role', role: 'admin' }, { kind: 'user', userId: 'manager-2' }] }] }],
      }),
    ];
    const verdict = await new EvaluateQuoteApprovalHandler(world.settings, world.bus.queries, world.clock).execute(new EvaluateQuoteApprovalQuery(facts));
    expect(verdict).toEqual({
      required: true,
      complete: true,
      approverIds: ['manager-1', 'manager-2'],
      route: {
        policyVersion: 4,
        rules: [
          {
            ruleId: 'r1',
            ruleName: 'Big discounts',
            reasons: [
              { code: 'condition', field: 'effectiveDiscountPercent', operator: 'gt', expected: 20, actual: 25 },
              { code: 'condition', field: 'dealStage', operator: 'eq', expected: 'contract_sent', actual: 'contract_sent' },
              { code: 'condition', field: 'ownerTeam', operator: 'eq', expected: 'Sales', actual: 'Sales' },
              { code: 'condition', field: 'daysUntilExpiry', operator: 'eq', expected: 59, actual: 59 },
              { code: 'condition', field: 'recurring', operator: 'eq', expected: true, actual: true },
            ],
          },
        ],
        steps: [
          { groups: [{ approverIds: ['manager-1'], mode: 'any', refs: [{ kind: 'manager', levels: 1 }], ruleIds: ['r1'], notes: [] }] },
          // admin-1 submits: never their own approver; manager-2 remains.
          { groups: [{ approverIds: ['manager-2'], mode: 'all', refs: [{ kind: 'role', role: 'admin' }, { kind: 'user', userId: 'manager-2' }], ruleIds: ['r1'], notes: [] }] },
        ],
      },
    });
  });

  it('leaves out approvers who may not approve now and falls back when a group is left with nobody', async () => {
    const world = approvalsWorld();
    world.users.set('manager-1', user('manager-1', 'manager', false, { reportsTo: 'admin-1' }));
    world.settings.current.defaultApproverId = 'manager-2';
    world.settings.current.rules = [rule({ route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'user', userId: 'manager-1' }] }] }] })];
    const verdict = await new EvaluateQuoteApprovalHandler(world.settings, world.bus.queries, world.clock).execute(new EvaluateQuoteApprovalQuery(facts));
    expect(verdict.route?.steps[0]?.groups[0]).toMatchObject({ approverIds: ['manager-2'], notes: [{ code: 'fallback', because: 'inactive', to: 'manager-2' }] });
  });

  it('needs no approval (and asks nobody anything) without rules or the all-quotes switch', async () => {
    const world = approvalsWorld();
    const verdict = await new EvaluateQuoteApprovalHandler(world.settings, world.bus.queries, world.clock).execute(new EvaluateQuoteApprovalQuery(facts));
    expect(verdict).toEqual({ required: false, route: null, approverIds: [], complete: true });
    expect(world.bus.sent).toEqual([]);
  });
});
