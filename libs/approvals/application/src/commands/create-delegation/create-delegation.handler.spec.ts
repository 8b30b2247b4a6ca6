import { beforeEach, describe, expect, it } from 'vitest';
import { DecideApprovalCommand } from '../decide-approval/decide-approval.command';
import { DecideApprovalHandler } from '../decide-approval/decide-approval.handler';
import { GetApprovalPageHandler } from '../../queries/get-approval-page/get-approval-page.handler';
import { GetApprovalPageQuery } from '../../queries/get-approval-page/get-approval-page.query';
import { approvalsWorld, caller, oneStepRoute, openRound, pendingQuote, user } from '../../testing/in-memory-approvals';
import { CreateDelegationCommand, type DelegationInput } from './create-delegation.command';
import { CreateDelegationHandler } from './create-delegation.handler';

const HOUR = 3_600_000;

describe('CreateDelegationHandler (out of office)', () => {
  let world: ReturnType<typeof approvalsWorld>;
  let handler: CreateDelegationHandler;
  let decide: DecideApprovalHandler;
  const manager1 = caller('manager-1', 'manager');
  const manager2 = caller('manager-2', 'manager');
  const at = (hours: number) => new Date(world.clock.now().getTime() + hours * HOUR);
  const input = (overrides: Partial<DelegationInput> = {}): DelegationInput => ({ approverId: 'manager-1', delegateId: 'manager-2', startsAt: null, endsAt: at(48), note: 'Holiday', ...overrides });
  const approve = (who = manager2) => decide.execute(new DecideApprovalCommand(who, 'q1', 1, 'approve', null));

  beforeEach(() => {
    world = approvalsWorld();
    handler = new CreateDelegationHandler(world.delegations, world.requests, world.bus.queries, world.clock);
    decide = new DecideApprovalHandler(world.requests, world.bus.queries);
  });

  it('lets an approver set their own, an admin anyone’s, nobody else', async () => {
    const own = await handler.execute(new CreateDelegationCommand(manager1, input()));
    expect(own).toMatchObject({ approverId: 'manager-1', delegateId: 'manager-2', startsAt: world.clock.now(), note: 'Holiday', createdBy: 'manager-1', cancelledAt: null });
    await expect(handler.execute(new CreateDelegationCommand(manager2, input({ approverId: 'admin-1', delegateId: 'manager-1' })))).rejects.toMatchObject({ code: 'APPROVALS.DELEGATION_NOT_YOURS', kind: 'forbidden' });
    const byAdmin = await handler.execute(new CreateDelegationCommand(caller('admin-1', 'admin'), input({ approverId: 'manager-2', delegateId: 'admin-1', startsAt: at(72), endsAt: at(96) })));
    expect(byAdmin).toMatchObject({ approverId: 'manager-2', delegateId: 'admin-1', createdBy: 'admin-1' });
    expect(world.delegations.delegations.size).toBe(2);
  });

  it('refuses a delegate who may not approve (a rep, a deactivated manager), overlaps and loops', async () => {
    await expect(handler.execute(new CreateDelegationCommand(manager1, input({ delegateId: 'rep-2' })))).rejects.toMatchObject({ code: 'APPROVALS.DELEGATION_INVALID', details: { fields: [{ field: 'delegateId' }] } });
    world.users.set('manager-2', user('manager-2', 'manager', false));
    await expect(handler.execute(new CreateDelegationCommand(manager1, input()))).rejects.toMatchObject({ details: { fields: [{ field: 'delegateId', reason: 'must be an active manager or admin' }] } });
    world.users.set('manager-2', user('manager-2', 'manager'));
    await handler.execute(new CreateDelegationCommand(manager1, input()));
    await expect(handler.execute(new CreateDelegationCommand(manager1, input({ delegateId: 'admin-1', startsAt: at(24), endsAt: at(72) })))).rejects.toMatchObject({ code: 'APPROVALS.DELEGATION_OVERLAPS' });
    await expect(handler.execute(new CreateDelegationCommand(manager2, input({ approverId: 'manager-2', delegateId: 'manager-1', startsAt: at(24), endsAt: at(72) })))).rejects.toMatchObject({
      code: 'APPROVALS.DELEGATION_LOOP',
      kind: 'invalid',
      details: { chain: ['manager-2', 'manager-1', 'manager-2'] },
    });
    // After manager-1 is back, manager-2 may hand over to them.
    expect(await handler.execute(new CreateDelegationCommand(manager2, input({ approverId: 'manager-2', delegateId: 'manager-1', startsAt: at(48), endsAt: at(72) })))).toMatchObject({ delegateId: 'manager-1' });
  });

  it('sends an open step waiting for the approver to the delegate at once: activity and one delegated event per round', async () => {
    const round = await openRound(world, pendingQuote(), oneStepRoute(['manager-1', 'admin-1'], 'all'));
    await handler.execute(new CreateDelegationCommand(manager1, input()));
    const saved = (await world.requests.findCurrent('q1'))!;
    expect(saved.activity).toEqual([{ kind: 'delegated', step: 0, from: 'manager-1', to: 'manager-2', by: null, note: null, reason: 'out-of-office', at: world.clock.now().toISOString() }]);
    expect(round.pullEvents().map((e) => [e.name, e.payload['approverIds'], (e.payload['activity'] as { to: string }).to])).toEqual([['approvals.request.delegated.v1', ['manager-2', 'admin-1'], 'manager-2']]);
  });

  it('lets the delegate decide on behalf of the approver while the window holds, by the clock; not before, not after', async () => {
    await openRound(world, pendingQuote(), oneStepRoute(['manager-1']));
    await handler.execute(new CreateDelegationCommand(manager1, input({ startsAt: at(1), endsAt: at(3) })));
    expect((await world.requests.findCurrent('q1'))!.activity).toEqual([]); // not out yet: nothing moves now
    await expect(approve()).rejects.toMatchObject({ code: 'APPROVALS.NOT_AN_APPROVER' });
    world.clock.advance(3 * HOUR);
    await expect(approve()).rejects.toMatchObject({ code: 'APPROVALS.NOT_AN_APPROVER' });
    world.clock.advance(-1.5 * HOUR);
    const page = await new GetApprovalPageHandler(world.requests, world.bus.queries).execute(new GetApprovalPageQuery(manager2, 'q1'));
    expect([page.canDecide, page.decidesFor, page.outOfOffice]).toEqual([true, 'manager-1', [{ approverId: 'manager-1', standInId: 'manager-2', kind: 'delegated' }]]);
    const decided = await approve();
    expect(decided.status).toBe('approved');
    expect(decided.decisions).toEqual([{ approverId: 'manager-2', onBehalfOf: 'manager-1', decision: 'approve', notes: null, at: world.clock.now().toISOString(), step: 0 }]);
    expect(decided.timeline().steps[0]!.groups[0]!.approvers[0]).toMatchObject({ userId: 'manager-1', state: 'approved', decidedBy: 'manager-2' });
  });

  it('never lets the delegation make the rep approve their own quote: the fallback approver stands in instead', async () => {
    world.users.set('rep-1', user('rep-1', 'manager'));
    world.settings.current.defaultApproverId = 'admin-1';
    await openRound(world, pendingQuote(), oneStepRoute(['manager-1']));
    await handler.execute(new CreateDelegationCommand(manager1, input({ delegateId: 'rep-1' })));
    expect((await world.requests.findCurrent('q1'))!.activity).toMatchObject([{ kind: 'fallback', from: 'manager-1', to: 'admin-1', reason: 'delegate-unavailable' }]);
    await expect(approve(caller('rep-1', 'manager'))).rejects.toMatchObject({ code: 'APPROVALS.OWN_QUOTE' });
    expect((await approve(caller('admin-1', 'admin'))).decisions).toMatchObject([{ approverId: 'admin-1', onBehalfOf: 'manager-1' }]);
  });

  it('follows a chain: the delegate out too hands on to theirs; the first delegate may still decide', async () => {
    await openRound(world, pendingQuote(), oneStepRoute(['manager-1', 'admin-1'], 'all'));
    await handler.execute(new CreateDelegationCommand(manager1, input()));
    await handler.execute(new CreateDelegationCommand(manager2, input({ approverId: 'manager-2', delegateId: 'admin-1' })));
    // admin-1 is in the same all-of group: they stand in, but decide only their own place there.
    const page = await new GetApprovalPageHandler(world.requests, world.bus.queries).execute(new GetApprovalPageQuery(caller('admin-1', 'admin'), 'q1'));
    expect(page.outOfOffice).toEqual([{ approverId: 'manager-1', standInId: 'admin-1', kind: 'delegated' }]);
    await approve(caller('admin-1', 'admin'));
    await expect(approve(caller('admin-1', 'admin'))).rejects.toMatchObject({ code: 'APPROVALS.ALREADY_DECIDED' });
    expect((await approve(manager2)).status).toBe('approved');
  });
});
