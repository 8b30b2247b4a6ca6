import { beforeEach, describe, expect, it } from 'vitest';
import { approvalsWorld, caller, oneStepRoute, openRound, pendingQuote, user } from '../../testing/in-memory-approvals';
import { DecideApprovalCommand } from './decide-approval.command';
import { DecideApprovalHandler } from './decide-approval.handler';

describe('DecideApprovalHandler (approve, request changes)', () => {
  let world: ReturnType<typeof approvalsWorld>;
  let handler: DecideApprovalHandler;
  const manager = caller('manager-1', 'manager');

  beforeEach(async () => {
    world = approvalsWorld();
    handler = new DecideApprovalHandler(world.requests, world.bus.queries);
    await openRound(world, pendingQuote(), oneStepRoute(['manager-1', 'manager-2'], 'all'));
  });

  const current = () => world.requests.findCurrent('q1');

  it('approves: with mode all the round stays pending until every approver approved', async () => {
    const first = await handler.execute(new DecideApprovalCommand(manager, 'q1', 1, 'approve', '  Fine  '));
    expect(first).toMatchObject({ status: 'pending', decidedAt: null, decisions: [{ approverId: 'manager-1', decision: 'approve', notes: 'Fine' }] });
    expect(first.pullEvents()).toEqual([]);
    const second = await handler.execute(new DecideApprovalCommand(caller('manager-2', 'manager'), 'q1', 1, 'approve', null));
    expect(second.status).toBe('approved');
    expect(second.pullEvents().map((e) => [e.name, e.payload['decidedBy']])).toEqual([['approvals.request.approved.v1', 'manager-2']]);
    expect((await current())?.version).toBe(3);
  });

  it('requests changes: notes required, the round is decided at once', async () => {
    await expect(handler.execute(new DecideApprovalCommand(manager, 'q1', 1, 'request_changes', ' '))).rejects.toMatchObject({ code: 'APPROVALS.NOTES_REQUIRED' });
    const decided = await handler.execute(new DecideApprovalCommand(manager, 'q1', 1, 'request_changes', 'Lower the discount'));
    expect(decided).toMatchObject({ status: 'changes_requested', decisions: [{ approverId: 'manager-1', decision: 'request_changes', notes: 'Lower the discount' }] });
    expect(decided.pullEvents().map((e) => [e.name, e.payload['notes']])).toEqual([['approvals.request.changes-requested.v1', 'Lower the discount']]);
    await expect(handler.execute(new DecideApprovalCommand(caller('manager-2', 'manager'), 'q1', 1, 'approve', null))).rejects.toMatchObject({ code: 'APPROVALS.ALREADY_DECIDED' });
  });

  it('asks who first: the owner, a stranger rep, a non-approver, an approver no longer eligible', async () => {
    await expect(handler.execute(new DecideApprovalCommand(caller('rep-1', 'rep'), 'q1', 1, 'approve', null))).rejects.toMatchObject({ code: 'APPROVALS.OWN_QUOTE' });
    await expect(handler.execute(new DecideApprovalCommand(caller('rep-2', 'rep'), 'q1', 1, 'approve', null))).rejects.toMatchObject({ code: 'APPROVALS.NOT_FOUND' });
    await expect(handler.execute(new DecideApprovalCommand(caller('admin-1', 'admin'), 'q1', 1, 'approve', null))).rejects.toMatchObject({ code: 'APPROVALS.NOT_AN_APPROVER' });
    world.users.set('manager-1', user('manager-1', 'manager', false));
    await expect(handler.execute(new DecideApprovalCommand(manager, 'q1', 1, 'approve', null))).rejects.toMatchObject({ code: 'APPROVALS.APPROVER_NOT_ELIGIBLE' });
    world.users.set('manager-1', user('manager-1', 'rep'));
    await expect(handler.execute(new DecideApprovalCommand(manager, 'q1', 1, 'approve', null))).rejects.toMatchObject({ code: 'APPROVALS.APPROVER_NOT_ELIGIBLE' });
    expect((await current())?.decisions).toEqual([]);
  });

  it('refuses a decision on a quote changed since the round opened, or on a round that is over', async () => {
    world.quotes.set('q1', pendingQuote({ version: 4 }));
    await expect(handler.execute(new DecideApprovalCommand(manager, 'q1', 1, 'approve', null))).rejects.toMatchObject({ code: 'APPROVALS.ROUND_CLOSED', details: { round: 1, quoteStatus: 'pending_approval' } });
    world.quotes.set('q1', pendingQuote({ status: 'draft' }));
    await expect(handler.execute(new DecideApprovalCommand(manager, 'q1', 1, 'approve', null))).rejects.toMatchObject({ code: 'APPROVALS.ROUND_CLOSED', details: { quoteStatus: 'draft' } });
    world.quotes.set('q1', pendingQuote());
    await expect(handler.execute(new DecideApprovalCommand(manager, 'q1', 2, 'approve', null))).rejects.toMatchObject({ code: 'APPROVALS.STALE_ROUND', details: { round: 2, currentRound: 1 } });
    await expect(handler.execute(new DecideApprovalCommand(manager, 'nope', 1, 'approve', null))).rejects.toMatchObject({ code: 'APPROVALS.NOT_FOUND' });
    expect((await current())?.decisions).toEqual([]);
  });

  it('approves with limits the quote as it is now meets, and refuses limits it is already beyond', async () => {
    // The quote: EUR 12,500.00, its one line 25 % off.
    await expect(handler.execute(new DecideApprovalCommand(manager, 'q1', 1, 'approve', null, { limits: { maxDiscountPercent: '20', minTotal: '13000' } }))).rejects.toMatchObject({
      code: 'APPROVALS.LIMITS_NOT_MET',
      details: {
        broken: [
          { bound: 'maxDiscountPercent', limit: '20.00', actual: '25.00', on: 'line', lineId: 'l1' },
          { bound: 'minTotal', limit: '13000.00', actual: '12500.00', currency: 'EUR' },
        ],
      },
    });
    await expect(handler.execute(new DecideApprovalCommand(manager, 'q1', 1, 'approve', null, { limits: { minTotal: '12500.001' } }))).rejects.toMatchObject({
      code: 'APPROVALS.INVALID_LIMITS',
      details: { fields: [{ field: 'limits.minTotal' }] },
    });
    expect((await current())?.decisions).toEqual([]);
    await handler.execute(new DecideApprovalCommand(manager, 'q1', 1, 'approve', null, { limits: { maxDiscountPercent: '25', minTotal: '12500' } }));
    const second = await handler.execute(new DecideApprovalCommand(caller('manager-2', 'manager'), 'q1', 1, 'approve', null, { limits: { maxDiscountPercent: '30', minTotal: '12000' } }));
    expect(second.decisions.map((d) => d.limits)).toEqual([
      { maxDiscountPercent: '25.00', minTotal: '12500.00' },
      { maxDiscountPercent: '30.00', minTotal: '12000.00' },
    ]);
    expect(second.pullEvents().map((e) => [e.name, e.payload['limits']])).toEqual([['approvals.request.approved.v1', { maxDiscountPercent: '25.00', minTotal: '12500.00' }]]);
  });
});
