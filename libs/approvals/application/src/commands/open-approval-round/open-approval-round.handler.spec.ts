import { beforeEach, describe, expect, it } from 'vitest';
import type { QuoteApprovalRoute } from '@qa/quotes-contracts';
import { approvalsWorld, pendingQuote, user } from '../../testing/in-memory-approvals';
import { OpenApprovalRoundCommand } from './open-approval-round.command';
import { OpenApprovalRoundHandler } from './open-approval-round.handler';

describe('OpenApprovalRoundHandler', () => {
  let world: ReturnType<typeof approvalsWorld>;
  let handler: OpenApprovalRoundHandler;

  beforeEach(() => {
    world = approvalsWorld();
    handler = new OpenApprovalRoundHandler(world.requests, world.bus.queries, world.clock);
  });

  it('opens round 1 with the route fixed at submit and the quote as submitted', async () => {
    const round = await handler.execute(new OpenApprovalRoundCommand('q1', 3));
    expect(round).toMatchObject({
      quoteId: 'q1',
      quoteVersion: 3,
      round: 1,
      ownerId: 'rep-1',
      submittedBy: 'rep-1',
      approverIds: ['manager-1'],
      route: { policyVersion: 1, steps: [{ groups: [expect.objectContaining({ approverIds: ['manager-1'], mode: 'any' })] }], rules: [{ ruleId: '', ruleName: '', reasons: [{ code: 'all-quotes' }] }] },
      currentStep: 0,
      status: 'pending',
      snapshot: { title: 'Website redesign', currency: 'EUR', total: '12500.00', quoteDiscount: '25%', lines: [expect.objectContaining({ id: 'l1', net: '12500.00' })] },
    });
    expect(round?.pullEvents().map((e) => [e.name, e.payload['approverIds'], e.payload['step'], e.payload['steps']])).toEqual([['approvals.request.opened.v1', ['manager-1'], 1, 1]]);
    expect([...world.requests.requests.values()]).toEqual([round]);
  });

  it('opens nothing for a quote that moved on since the submit, or is not Pending approval', async () => {
    expect(await handler.execute(new OpenApprovalRoundCommand('q1', 2))).toBeNull();
    world.quotes.set('q1', pendingQuote({ status: 'draft' }));
    expect(await handler.execute(new OpenApprovalRoundCommand('q1', 3))).toBeNull();
    expect(await handler.execute(new OpenApprovalRoundCommand('missing'))).toBeNull();
    expect(world.requests.requests.size).toBe(0);
  });

  it('opens one round per submitted version; a new version cancels the pending round and opens the next', async () => {
    const first = await handler.execute(new OpenApprovalRoundCommand('q1', 3));
    expect(await handler.execute(new OpenApprovalRoundCommand('q1', 3))).toBe(first);
    world.quotes.set('q1', pendingQuote({ version: 5, title: 'Website redesign v2' }));
    const second = await handler.execute(new OpenApprovalRoundCommand('q1', 5));
    expect([first?.status, second?.round, second?.quoteVersion, second?.snapshot.title]).toEqual(['cancelled', 2, 5, 'Website redesign v2']);
  });

  it('routes by the policy now a quote submitted before routes were kept', async () => {
    world.quotes.set('q1', pendingQuote({ approvalRoute: null }));
    world.settings.current.rules = [
      {
        id: 'r1',
        name: 'Late-stage deals',
        when: [{ conditions: [{ field: 'dealStage', operator: 'eq', value: 'contract_sent' }] }],
        route: [{ groups: [{ mode: 'all', approvers: [{ kind: 'user', userId: 'manager-2' }, { kind: 'user', userId: 'rep-1' }] }] }],
        firstMatchOnly: true,
      },
    ];
    const round = await handler.execute(new OpenApprovalRoundCommand('q1'));
    expect(round).toMatchObject({ submittedBy: null, approverIds: ['manager-2'], currentStep: 0 });
    expect(round?.route.rules).toEqual([{ ruleId: 'r1', ruleName: 'Late-stage deals', reasons: [{ code: 'condition', field: 'dealStage', operator: 'eq', expected: 'contract_sent', actual: 'contract_sent' }] }]);
  });

  describe('smart re-approval', () => {
    // Step 1: manager-1 for rule r1, which watches the total; step 2: manager-2 for rule r2 (watches nothing).
    const group = (userId: string, ruleId: string) => ({ approverIds: [userId], mode: 'any' as const, refs: [{ kind: 'user' as const, userId }], ruleIds: [ruleId], notes: [] });
    const route: QuoteApprovalRoute = {
      policyVersion: 2,
      submittedBy: 'rep-1',
      steps: [{ groups: [group('manager-1', 'r1')] }, { groups: [group('manager-2', 'r2')] }],
      rules: [
        { ruleId: 'r1', ruleName: 'Manager', reasons: [{ code: 'always' }], watchedFields: ['total'] },
        { ruleId: 'r2', ruleName: 'Finance', reasons: [{ code: 'always' }] },
      ],
    };
    /** Round 1 at version 3: manager-1 approves step 1, manager-2 asks for changes at step 2. */
    const sentBack = async () => {
      world.quotes.set('q1', pendingQuote({ approvalRoute: route }));
      const first = (await handler.execute(new OpenApprovalRoundCommand('q1', 3)))!;
      first.decide({ id: 'manager-1', eligible: true }, 1, 'approve', 'Fine', new Date('2026-12-03T09:30:00Z'));
      first.decide({ id: 'manager-2', eligible: true }, 1, 'request_changes', 'Terms', new Date('2026-12-03T10:00:00Z'));
      await world.requests.save(first);
      return first;
    };

    it('keeps step 1 when the total did not change, and keeps what the new round needs to compare next time', async () => {
      await sentBack();
      world.quotes.set('q1', pendingQuote({ version: 5, title: 'Website redesign v2', approvalRoute: route }));
      const second = await handler.execute(new OpenApprovalRoundCommand('q1', 5));
      expect(second).toMatchObject({
        round: 2,
        status: 'pending',
        currentStep: 1,
        decisions: [{ approverId: 'manager-1', decision: 'approve', notes: 'Fine', at: '2026-12-03T09:30:00.000Z', step: 0, carriedFromRound: 1 }],
        snapshot: { title: 'Website redesign v2', expiresOn: '2027-01-31', paymentTermsDays: 45, companyId: null, dealId: 'deal-1' },
      });
      expect(second?.pullEvents().map((e) => [e.name, e.payload['step'], e.payload['approverIds']])).toEqual([['approvals.request.opened.v1', 2, ['manager-2']]]);
    });

    it('asks step 1 again when the total changed, or when its approver is no longer an active manager', async () => {
      await sentBack();
      world.quotes.set('q1', pendingQuote({ version: 5, total: '12000.00', approvalRoute: route }));
      expect(await handler.execute(new OpenApprovalRoundCommand('q1', 5))).toMatchObject({ round: 2, currentStep: 0, decisions: [] });

      world.requests.requests.clear();
      await sentBack();
      world.users.set('manager-1', user('manager-1', 'manager', false));
      world.quotes.set('q1', pendingQuote({ version: 5, title: 'Website redesign v2', approvalRoute: route }));
      expect(await handler.execute(new OpenApprovalRoundCommand('q1', 5))).toMatchObject({ round: 2, currentStep: 0, decisions: [] });
    });
  });
});
