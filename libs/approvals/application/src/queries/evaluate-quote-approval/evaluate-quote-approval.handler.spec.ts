import { EvaluateQuoteApprovalQuery, type QuoteApprovalFacts } from '@qa/approvals-contracts';
import { describe, expect, it } from 'vitest';
import { approvalsWorld, user } from '../../testing/in-memory-approvals';
import { EvaluateQuoteApprovalHandler } from './evaluate-quote-approval.handler';

const facts: QuoteApprovalFacts = { quoteId: 'q1', ownerId: 'rep-1', currency: 'EUR', totalMinor: 1_250_000, effectiveDiscountBp: 2500, largestLineDiscountBp: 2500, dealStage: null, submittedBy: 'admin-1' };

describe('EvaluateQuoteApprovalHandler', () => {
  it('names the approvers of the first matching rule who may approve now, never the owner or the submitter', async () => {
    const world = approvalsWorld();
    world.users.set('manager-2', user('manager-2', 'manager', false));
    world.settings.current.rules = [
      { id: 'r1', name: 'Big discounts', priority: 1, conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: '20' }], approverIds: ['manager-1', 'manager-2', 'rep-1', 'admin-1'], mode: 'all' },
    ];
    const verdict = await new EvaluateQuoteApprovalHandler(world.settings, world.bus.queries).execute(new EvaluateQuoteApprovalQuery(facts));
    expect(verdict).toEqual({ required: true, approverIds: ['manager-1'], mode: 'all', reasons: ['discount 25.00% > 20%'], ruleName: 'Big discounts' });
  });

  it('needs no approval (and asks identity nothing) without rules or the all-quotes switch', async () => {
    const world = approvalsWorld();
    const verdict = await new EvaluateQuoteApprovalHandler(world.settings, world.bus.queries).execute(new EvaluateQuoteApprovalQuery(facts));
    expect(verdict).toEqual({ required: false, approverIds: [], mode: 'any', reasons: [], ruleName: null });
    expect(world.bus.sent).toEqual([]);
  });
});
