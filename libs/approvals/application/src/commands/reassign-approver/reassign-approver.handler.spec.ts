import { beforeEach, describe, expect, it } from 'vitest';
import { approvalsWorld, caller, oneStepRoute, openRound, pendingQuote, user } from '../../testing/in-memory-approvals';
import { ReassignApproverCommand } from './reassign-approver.command';
import { ReassignApproverHandler } from './reassign-approver.handler';

describe('ReassignApproverHandler', () => {
  let world: ReturnType<typeof approvalsWorld>;
  let handler: ReassignApproverHandler;
  const reassign = (who: ReturnType<typeof caller>, from: string, to: string, note = 'On leave next week', round = 1) => handler.execute(new ReassignApproverCommand(who, 'q1', round, from, to, note));

  beforeEach(async () => {
    world = approvalsWorld();
    world.users.set('manager-3', user('manager-3', 'manager'));
    handler = new ReassignApproverHandler(world.requests, world.bus.queries, world.clock);
    await openRound(world, pendingQuote(), oneStepRoute(['manager-1', 'manager-2'], 'all'));
  });

  it('hands an approver’s own place to another, with the note and an event for the new approver', async () => {
    const round = await reassign(caller('manager-1', 'manager'), 'manager-1', 'manager-3');
    expect(round.route.steps[0]!.groups[0]!.approverIds).toEqual(['manager-3', 'manager-2']);
    expect(round.activity).toEqual([{ kind: 'reassigned', step: 0, from: 'manager-1', to: 'manager-3', by: 'manager-1', note: 'On leave next week', reason: null, at: world.clock.now().toISOString() }]);
    expect(round.pullEvents().map((e) => [e.name, e.payload['approverIds']])).toEqual([['approvals.request.reassigned.v1', ['manager-3', 'manager-2']]]);
  });

  it("lets an admin move anyone's open place; refuses reps, other approvers' places and strangers", async () => {
    await expect(reassign(caller('rep-1', 'rep'), 'manager-1', 'manager-3')).rejects.toMatchObject({ code: 'APPROVALS.NOT_AN_APPROVER' });
    await expect(reassign(caller('rep-2', 'rep'), 'manager-1', 'manager-3')).rejects.toMatchObject({ code: 'APPROVALS.NOT_FOUND' });
    await expect(reassign(caller('manager-3', 'manager'), 'manager-1', 'manager-3')).rejects.toMatchObject({ code: 'APPROVALS.NOT_AN_APPROVER' });
    await expect(reassign(caller('manager-2', 'manager'), 'manager-1', 'manager-3')).rejects.toMatchObject({ code: 'APPROVALS.NOT_YOUR_PLACE', kind: 'forbidden' });
    const round = await reassign(caller('admin-1', 'admin'), 'manager-2', 'manager-3', 'Manager-2 left the deal');
    expect(round.activity).toMatchObject([{ kind: 'reassigned', from: 'manager-2', to: 'manager-3', by: 'admin-1' }]);
  });

  it('refuses someone who may not approve, the quote’s rep, and an empty note, naming the field', async () => {
    world.users.set('manager-3', user('manager-3', 'manager', false));
    await expect(reassign(caller('manager-1', 'manager'), 'manager-1', 'manager-3')).rejects.toMatchObject({ code: 'APPROVALS.INVALID_REASSIGNMENT', details: { fields: [{ field: 'to', reason: 'must be an active manager or admin' }] } });
    await expect(reassign(caller('manager-1', 'manager'), 'manager-1', 'rep-1')).rejects.toMatchObject({ details: { fields: [{ field: 'to', reason: 'owns the quote' }] } });
    await expect(reassign(caller('manager-1', 'manager'), 'manager-1', 'admin-1', '   ')).rejects.toMatchObject({ details: { fields: [{ field: 'note' }] } });
    await expect(reassign(caller('manager-1', 'manager'), 'manager-1', 'admin-1', 'x', 2)).rejects.toMatchObject({ code: 'APPROVALS.STALE_ROUND' });
    expect((await world.requests.findCurrent('q1'))!.activity).toEqual([]);
  });
});
