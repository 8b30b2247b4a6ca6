import { beforeEach, describe, expect, it } from 'vitest';
import { ListDelegationsHandler } from '../../queries/list-delegations/list-delegations.handler';
import { ListDelegationsQuery } from '../../queries/list-delegations/list-delegations.query';
import { approvalsWorld, caller } from '../../testing/in-memory-approvals';
import { CreateDelegationCommand } from '../create-delegation/create-delegation.command';
import { CreateDelegationHandler } from '../create-delegation/create-delegation.handler';
import { CancelDelegationCommand } from './cancel-delegation.command';
import { CancelDelegationHandler } from './cancel-delegation.handler';

const HOUR = 3_600_000;

describe('CancelDelegationHandler and ListDelegationsHandler', () => {
  let world: ReturnType<typeof approvalsWorld>;
  let id: string;
  const cancel = (who: ReturnType<typeof caller>, delegationId = id) => new CancelDelegationHandler(world.delegations, world.clock).execute(new CancelDelegationCommand(who, delegationId));
  const list = (who: ReturnType<typeof caller>, approverId: string | null = null, includePast = false) =>
    new ListDelegationsHandler(world.delegations, world.clock).execute(new ListDelegationsQuery(who, approverId, includePast));

  beforeEach(async () => {
    world = approvalsWorld();
    const create = new CreateDelegationHandler(world.delegations, world.requests, world.bus.queries, world.clock);
    const endsAt = new Date(world.clock.now().getTime() + 48 * HOUR);
    id = (await create.execute(new CreateDelegationCommand(caller('manager-1', 'manager'), { approverId: 'manager-1', delegateId: 'manager-2', startsAt: null, endsAt, note: null }))).id;
    await create.execute(new CreateDelegationCommand(caller('admin-1', 'admin'), { approverId: 'manager-2', delegateId: 'admin-1', startsAt: endsAt, endsAt: new Date(endsAt.getTime() + HOUR), note: null }));
  });

  it('lists one’s own; an admin anyone’s or everyone’s; nobody else’s', async () => {
    expect((await list(caller('manager-1', 'manager'))).map((d) => d.delegateId)).toEqual(['manager-2']);
    await expect(list(caller('manager-1', 'manager'), 'manager-2')).rejects.toMatchObject({ code: 'APPROVALS.DELEGATION_NOT_YOURS' });
    expect((await list(caller('admin-1', 'admin'))).map((d) => d.approverId)).toEqual(['manager-2', 'manager-1']);
    expect((await list(caller('admin-1', 'admin'), 'manager-1')).map((d) => d.approverId)).toEqual(['manager-1']);
  });

  it('ends it now, by the approver or an admin only; past ones are listed only when asked', async () => {
    await expect(cancel(caller('manager-2', 'manager'))).rejects.toMatchObject({ code: 'APPROVALS.DELEGATION_NOT_YOURS', kind: 'forbidden' });
    await expect(cancel(caller('admin-1', 'admin'), '00000000-0000-7000-8000-000000000000')).rejects.toMatchObject({ code: 'APPROVALS.DELEGATION_NOT_FOUND' });
    world.clock.advance(HOUR);
    const cancelled = await cancel(caller('manager-1', 'manager'));
    expect([cancelled.cancelledAt, cancelled.stateAt(world.clock.now())]).toEqual([world.clock.now(), 'cancelled']);
    await expect(cancel(caller('admin-1', 'admin'))).rejects.toMatchObject({ code: 'APPROVALS.DELEGATION_CANCELLED' });
    expect(await list(caller('manager-1', 'manager'))).toEqual([cancelled]);
    world.clock.advance(48 * HOUR);
    expect(await list(caller('manager-1', 'manager'))).toEqual([]);
    expect(await list(caller('manager-1', 'manager'), null, true)).toEqual([cancelled]);
  });
});
