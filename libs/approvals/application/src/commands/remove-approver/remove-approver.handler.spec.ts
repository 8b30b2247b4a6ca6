import { beforeEach, describe, expect, it } from 'vitest';
import { UserDeactivated, UserRoleChanged, type UserChangedPayload } from '@qa/identity-contracts';
import type { IntegrationEvent, IntegrationEventType } from '@qa/shared-kernel';
import { RemoveApproverWhenUserLeavesHandler } from '../../reactions/remove-approver-when-user-leaves/remove-approver-when-user-leaves.handler';
import { approvalsWorld, oneStepRoute, openRound, pendingQuote, user } from '../../testing/in-memory-approvals';
import { RemoveApproverCommand } from './remove-approver.command';
import { RemoveApproverHandler } from './remove-approver.handler';

describe('RemoveApproverHandler (deactivated approvers)', () => {
  let world: ReturnType<typeof approvalsWorld>;
  let handler: RemoveApproverHandler;

  beforeEach(async () => {
    world = approvalsWorld();
    handler = new RemoveApproverHandler(world.requests, world.settings, world.bus.queries, world.clock);
    world.bus.on(RemoveApproverCommand, (command) => handler.execute(command));
    await openRound(world, pendingQuote(), oneStepRoute(['manager-1']));
    await openRound(world, pendingQuote({ quoteId: 'q2' }), oneStepRoute(['manager-1', 'manager-2'], 'all'));
    world.users.set('manager-1', user('manager-1', 'manager', false));
  });

  const rounds = async () => [(await world.requests.findCurrent('q1'))!, (await world.requests.findCurrent('q2'))!];

  it("sends a group left with nobody to the fallback approver and shows why; takes them out of others' groups; once", async () => {
    world.settings.current.defaultApproverId = 'admin-1';
    expect(await handler.execute(new RemoveApproverCommand('manager-1', 'inactive'))).toBe(2);
    const [q1, q2] = await rounds();
    expect(q1!.route.steps[0]!.groups[0]).toMatchObject({ approverIds: ['admin-1'], notes: [{ code: 'fallback', because: 'inactive', to: 'admin-1' }] });
    expect(q1!.activity).toEqual([{ kind: 'fallback', step: 0, from: 'manager-1', to: 'admin-1', by: null, note: null, reason: 'inactive', at: world.clock.now().toISOString() }]);
    expect(q2!.route.steps[0]!.groups[0]!.approverIds).toEqual(['manager-2']);
    expect(q2!.approversNow()).toEqual(['manager-2']);
    // Delivered again: nothing more changes.
    expect(await handler.execute(new RemoveApproverCommand('manager-1', 'inactive'))).toBe(0);
    expect((await rounds()).map((r) => r.activity.length)).toEqual([1, 1]);
  });

  it('keeps the group, unresolved, when the fallback approver may not approve (or there is none)', async () => {
    world.settings.current.defaultApproverId = 'rep-2';
    await handler.execute(new RemoveApproverCommand('manager-1', 'inactive'));
    const [q1] = await rounds();
    expect(q1!.route.steps[0]!.groups[0]).toMatchObject({ approverIds: ['manager-1'], notes: [{ code: 'unresolved', because: 'inactive' }] });
    expect(q1!.activity).toMatchObject([{ kind: 'fallback', from: 'manager-1', to: null, reason: 'inactive' }]);
  });

  it('runs when identity says a user was deactivated or is now a rep', async () => {
    const reaction = new RemoveApproverWhenUserLeavesHandler(world.bus.commands);
    const event = (type: IntegrationEventType<UserChangedPayload>, role: 'rep' | 'manager', active: boolean): IntegrationEvent<UserChangedPayload> => ({
      id: 'e1',
      name: type.name,
      occurredAt: world.clock.now().toISOString(),
      aggregateType: 'user',
      aggregateId: 'manager-1',
      aggregateVersion: 3,
      actor: { type: 'user' as const, id: 'admin-1' },
      correlationId: 'c1',
      payload: { userId: 'manager-1', email: 'm@example.com', name: 'M', role, active },
    });
    await reaction.handle(event(UserRoleChanged, 'manager', true));
    expect((await rounds()).map((r) => r.activity.length)).toEqual([0, 0]);
    await reaction.handle(event(UserDeactivated, 'manager', false));
    expect((await rounds()).map((r) => r.activity.map((a) => a.reason))).toEqual([['inactive'], ['inactive']]);
  });
});
