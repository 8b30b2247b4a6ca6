import type { ApprovalPolicyState } from '@qa/approvals-domain';
import { PolicyDryRun } from '@qa/approvals-domain';
import { FindCrmRecordsQuery } from '@qa/crm-contracts';
import { ListSubmittedQuoteFactsQuery, type SubmittedQuoteFacts } from '@qa/quotes-contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { PolicyDryRunSettings } from '../../ports/policy-dry-run.ports';
import { approvalsWorld, oneStepRoute } from '../../testing/in-memory-approvals';
import { MemoryApprovalHistory, MemoryDryRuns } from '../../testing/in-memory-dry-runs';
import { crmNeeds, RunPolicyDryRunHandler } from './run-policy-dry-run.handler';
import { RunPolicyDryRunCommand } from './run-policy-dry-run.command';

/** rep-1's quote q<n>, submitted by rep-1 at <n> o'clock, at `discount` % off. */
const quote = (n: number, discount: number, neededApproval: boolean): SubmittedQuoteFacts => ({
  quoteId: `q${n}`,
  number: `Q-${n}`,
  ownerId: 'rep-1',
  submittedBy: 'rep-1',
  submittedAt: `2026-12-01T${String(n).padStart(2, '0')}:00:00.000Z`,
  neededApproval,
  currency: 'EUR',
  totalMinor: 100_000,
  discountMinor: discount * 1_000,
  effectiveDiscountBp: discount * 100,
  largestLineDiscountBp: discount * 100,
  lines: [{ productName: 'Design', billingPeriod: 'one_time' }],
  paymentTermsDays: 30,
  expiresOn: '2027-01-31',
  dealId: 'deal-1',
  companyId: null,
});

/** Draft: above 10 % off, the owner's manager (manager-1) then Finance (manager-2). */
const draft: ApprovalPolicyState = {
  requireApproval: false,
  defaultApproverId: null,
  rules: [
    {
      id: 'r1',
      name: 'Above 10 %',
      when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 10 }] }],
      route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'manager', levels: 1 }] }] }, { groups: [{ mode: 'any', approvers: [{ kind: 'team', team: 'finance' }] }] }],
      firstMatchOnly: false,
    },
  ],
};

describe('RunPolicyDryRunHandler (a draft policy over past quotes, page by page)', () => {
  let world: ReturnType<typeof approvalsWorld>;
  let runs: MemoryDryRuns;
  let handler: RunPolicyDryRunHandler;
  let pages: Array<string | null>;
  // Newest first: q4 (5 %, not needed), q3 (20 %, needed: manager-1), q2 (30 %, needed: manager-1), q1 (15 %, not needed).
  const quotes = [quote(4, 5, false), quote(3, 20, true), quote(2, 30, true), quote(1, 15, false)];

  beforeEach(() => {
    world = approvalsWorld();
    runs = new MemoryDryRuns();
    pages = [];
    world.bus.on(ListSubmittedQuoteFactsQuery, ({ limit, after }) => {
      pages.push(after);
      const from = after ? quotes.findIndex((q) => q.quoteId === after) + 1 : 0;
      const page = quotes.slice(from, from + limit);
      return { quotes: page, next: from + limit < quotes.length ? page.at(-1)!.quoteId : null };
    });
    // manager-1 answered in 2 h and 4 h (median 3 h); manager-2 in 10 h.
    const history = new MemoryApprovalHistory(new Map([['q3', oneStepRoute(['manager-1'])], ['q2', oneStepRoute(['manager-1'])]]), [
      { openedAt: '2026-11-01T00:00:00Z', decisions: [{ approverId: 'manager-1', at: '2026-11-01T02:00:00Z', step: 0 }] },
      { openedAt: '2026-11-02T00:00:00Z', decisions: [{ approverId: 'manager-1', at: '2026-11-02T04:00:00Z', step: 0 }, { approverId: 'manager-2', at: '2026-11-02T14:00:00Z', step: 1 }] },
    ]);
    handler = new RunPolicyDryRunHandler(runs, history, new PolicyDryRunSettings(2), world.bus.queries, world.clock);
  });

  const queued = async (limit: number | null, total: number) => {
    const run = PolicyDryRun.queue({ requestedBy: 'admin-1', policy: draft, limit, total, now: world.clock.now() });
    await runs.add(run);
    return run.id;
  };

  it('routes each quote under the draft and reports needs, approvers, differences and the extra wait', async () => {
    const id = await queued(null, 4);
    expect(await handler.execute(new RunPolicyDryRunCommand(id))).toBe('finished');
    expect(pages).toEqual([null, 'q3']);
    const run = (await runs.findById(id))!;
    expect([run.state, run.processed, run.total, run.finishedAt]).toEqual(['finished', 4, 4, world.clock.now()]);
    expect(run.result).toEqual({
      examined: 4,
      draftNeedsApproval: 3,
      realNeededApproval: 2,
      approvers: [
        { approverId: 'manager-1', name: 'User manager-1', draftSteps: 3, realSteps: 2, medianResponseHours: 3 },
        { approverId: 'manager-2', name: 'User manager-2', draftSteps: 3, realSteps: 0, medianResponseHours: 10 },
      ],
      differenceCount: 3,
      differences: [
        // Draft wait: manager-1 3 h + manager-2 10 h = 13 h; real: 3 h (or none).
        { quoteId: 'q3', number: 'Q-3', kind: 'more-steps', real: [['manager-1']], draft: [['manager-1'], ['manager-2']], extraWaitHours: 10 },
        { quoteId: 'q2', number: 'Q-2', kind: 'more-steps', real: [['manager-1']], draft: [['manager-1'], ['manager-2']], extraWaitHours: 10 },
        { quoteId: 'q1', number: 'Q-1', kind: 'newly-needs-approval', real: null, draft: [['manager-1'], ['manager-2']], extraWaitHours: 13 },
      ],
      // Median of 2, 4 and 10 h: 4 h.
      wait: { totalExtraHours: 33, averageExtraHours: 8.25, overallMedianHours: 4 },
    });
  });

  it('reads from crm only what the policy looks at', async () => {
    const id = await queued(null, 4);
    await handler.execute(new RunPolicyDryRunCommand(id));
    expect(world.bus.sent.filter((m) => m instanceof FindCrmRecordsQuery)).toEqual([]);
    const withRule = (rule: object): ApprovalPolicyState => ({ ...draft, rules: [{ ...draft.rules[0]!, ...rule }] });
    expect(crmNeeds(draft)).toEqual({ deals: false, companies: false });
    expect(crmNeeds(withRule({ when: [{ conditions: [{ field: 'dealStage', operator: 'in', value: ['won'] }] }] }))).toEqual({ deals: true, companies: false });
    expect(crmNeeds(withRule({ route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'field', field: 'dealOwner' }] }] }] }))).toEqual({ deals: true, companies: false });
    expect(crmNeeds(withRule({ route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'field', field: 'companyOwner' }] }] }] }))).toEqual({ deals: true, companies: true });
    expect(crmNeeds(withRule({ when: [{ conditions: [{ field: 'companyCountry', operator: 'in', value: ['NL'] }] }] }))).toEqual({ deals: true, companies: true });
  });

  it('routes by the deal when a rule looks at it: one crm query a page', async () => {
    const byDealOwner: ApprovalPolicyState = { ...draft, rules: [{ ...draft.rules[0]!, route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'field', field: 'dealOwner' }] }] }] }] };
    world.bus.on(FindCrmRecordsQuery, ({ ids }) => ({ companies: [], contacts: [], deals: (ids.dealIds ?? []).map((id) => ({ id, name: id, stage: 'won', ownerId: 'manager-2', companyId: null, amountMinor: 1, currency: 'EUR' })) }));
    const run = PolicyDryRun.queue({ requestedBy: 'admin-1', policy: byDealOwner, limit: null, total: 4, now: world.clock.now() });
    await runs.add(run);
    await handler.execute(new RunPolicyDryRunCommand(run.id));
    expect(world.bus.sent.filter((m) => m instanceof FindCrmRecordsQuery).map((m) => (m as FindCrmRecordsQuery).ids)).toEqual([{ dealIds: ['deal-1'] }, { dealIds: ['deal-1'] }]);
    expect((await runs.findById(run.id))!.result?.approvers).toEqual([{ approverId: 'manager-2', name: 'User manager-2', draftSteps: 3, realSteps: 0, medianResponseHours: 10 }, expect.objectContaining({ approverId: 'manager-1', draftSteps: 0, realSteps: 2 })]);
  });

  it('looks at the last N only', async () => {
    const id = await queued(1, 1);
    await handler.execute(new RunPolicyDryRunCommand(id));
    expect((await runs.findById(id))!.result).toMatchObject({ examined: 1, draftNeedsApproval: 0, differenceCount: 0 });
  });

  it('stops at the next page when cancelled, and leaves a cancelled or finished run as it is', async () => {
    const id = await queued(null, 4);
    runs.onProgress = () => void runs.cancel(id, world.clock.now());
    expect(await handler.execute(new RunPolicyDryRunCommand(id))).toBe('cancelled');
    // Cancelled after the first page's progress: the second page is read, its progress refused.
    expect(pages).toEqual([null, 'q3']);
    const run = (await runs.findById(id))!;
    expect([run.state, run.processed, run.total, run.result]).toEqual(['cancelled', 2, 4, null]);
    expect(await handler.execute(new RunPolicyDryRunCommand(id))).toBe('cancelled');
    expect(await handler.execute(new RunPolicyDryRunCommand('missing'))).toBe('missing');
  });
});
