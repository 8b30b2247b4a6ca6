import { beforeEach, describe, expect, it } from 'vitest';
import { approvalsWorld, caller, oneStepRoute, openRound, pendingQuote, user } from '../../testing/in-memory-approvals';
import { GetApprovalPageHandler } from './get-approval-page.handler';
import { GetApprovalPageQuery } from './get-approval-page.query';

describe('GetApprovalPageHandler', () => {
  let world: ReturnType<typeof approvalsWorld>;
  let handler: GetApprovalPageHandler;
  const page = (userId: string, role: 'rep' | 'manager' | 'admin') => handler.execute(new GetApprovalPageQuery(caller(userId, role), 'q1'));

  beforeEach(async () => {
    world = approvalsWorld();
    handler = new GetApprovalPageHandler(world.requests, world.bus.queries);
    await openRound(world, pendingQuote({ version: 1 }));
    const quote = pendingQuote({ title: 'Website redesign v2', lines: [{ id: 'l1', productName: 'Design', quantity: 2, unitPrice: '16666.67', discount: '25%', net: '25000.00', billingPeriod: 'one_time' }] });
    await openRound(world, quote, oneStepRoute(['manager-1', 'manager-2'], 'all'));
  });

  it('shows an approver the current round, every round, what changed, and that they can decide', async () => {
    const shown = await page('manager-1', 'manager');
    expect(shown.request.round).toBe(2);
    expect(shown.rounds.map((r) => [r.round, r.status])).toEqual([
      [1, 'cancelled'],
      [2, 'pending'],
    ]);
    expect(shown.approvers).toEqual([
      { id: 'manager-1', name: 'User manager-1', active: true },
      { id: 'manager-2', name: 'User manager-2', active: true },
    ]);
    expect(shown.changes).toEqual({
      quote: { title: ['Website redesign', 'Website redesign v2'] },
      lines: [{ kind: 'changed', productName: 'Design', changes: { quantity: [1, 2], net: ['12500.00', '25000.00'] } }],
    });
    expect(shown.canDecide).toBe(true);
  });

  it('lets an admin look without deciding; shows a deactivated approver as such', async () => {
    world.users.set('manager-2', user('manager-2', 'manager', false));
    const shown = await page('admin-1', 'admin');
    expect([shown.canDecide, shown.approvers[1]]).toEqual([false, { id: 'manager-2', name: 'User manager-2', active: false }]);
    await expect(page('manager-2', 'manager')).rejects.toMatchObject({ code: 'APPROVALS.APPROVER_NOT_ELIGIBLE' });
  });

  it('refuses whoever is not an approver (nor the rep, a delegate or an admin); hides the quote from another rep', async () => {
    await expect(page('rep-2', 'rep')).rejects.toMatchObject({ code: 'APPROVALS.NOT_FOUND' });
    world.users.set('manager-3', user('manager-3', 'manager'));
    await expect(page('manager-3', 'manager')).rejects.toMatchObject({ code: 'APPROVALS.NOT_AN_APPROVER' });
    await expect(handler.execute(new GetApprovalPageQuery(caller('admin-1', 'admin'), 'missing'))).rejects.toMatchObject({ code: 'APPROVALS.NOT_FOUND' });
  });

  it("shows the quote's rep their round, to follow it and remind its approvers, without deciding", async () => {
    const shown = await page('rep-1', 'rep');
    expect([shown.request.round, shown.canDecide, shown.decidesFor, shown.mayReassign, shown.reminder]).toEqual([2, false, null, [], { retryAt: null }]);
    expect((await page('manager-1', 'manager')).reminder).toBeNull();
  });

  it('lets an approver reassign their own open place; an admin anyone’s', async () => {
    expect((await page('manager-1', 'manager')).mayReassign).toEqual(['manager-1']);
    expect((await page('admin-1', 'admin')).mayReassign).toEqual(['manager-1', 'manager-2']);
  });

  it('lets nobody decide once the quote changed, or after they decided', async () => {
    world.quotes.set('q1', pendingQuote({ version: 9 }));
    expect((await page('manager-1', 'manager')).canDecide).toBe(false);
    world.quotes.set('q1', pendingQuote());
    const current = (await world.requests.findCurrent('q1'))!;
    current.decide({ id: 'manager-1', eligible: true }, 2, 'approve', null);
    expect([(await page('manager-1', 'manager')).canDecide, (await page('manager-2', 'manager')).canDecide]).toEqual([false, true]);
  });
});
