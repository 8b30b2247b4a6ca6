import { beforeEach, describe, expect, it } from 'vitest';
import { GetApprovalPageHandler } from '../../queries/get-approval-page/get-approval-page.handler';
import { GetApprovalPageQuery } from '../../queries/get-approval-page/get-approval-page.query';
import { approvalsWorld, caller, oneStepRoute, openRound, pendingQuote } from '../../testing/in-memory-approvals';
import { RemindApproversCommand } from './remind-approvers.command';
import { RemindApproversHandler } from './remind-approvers.handler';

const HOUR = 3_600_000;

describe('RemindApproversHandler', () => {
  let world: ReturnType<typeof approvalsWorld>;
  let handler: RemindApproversHandler;
  const rep = caller('rep-1', 'rep');
  const remind = (who = rep) => handler.execute(new RemindApproversCommand(who, 'q1', 1));
  const page = () => new GetApprovalPageHandler(world.requests, world.bus.queries).execute(new GetApprovalPageQuery(rep, 'q1'));

  beforeEach(async () => {
    world = approvalsWorld();
    handler = new RemindApproversHandler(world.requests, world.settings, world.bus.queries, world.clock);
    await openRound(world, pendingQuote(), oneStepRoute(['manager-1', 'manager-2'], 'all'));
  });

  it('reminds the approvers still to decide, once per the cooldown (24 hours unless the settings say otherwise)', async () => {
    expect((await page()).reminder).toEqual({ retryAt: null });
    const sent = await remind();
    expect(sent.activity).toEqual([{ kind: 'reminded', step: 0, from: null, to: null, by: 'rep-1', note: null, reason: null, at: world.clock.now().toISOString() }]);
    expect(sent.pullEvents().map((e) => [e.name, e.payload['approverIds']])).toEqual([['approvals.request.reminded.v1', ['manager-1', 'manager-2']]]);
    const retryAt = new Date(world.clock.now().getTime() + 24 * HOUR).toISOString();
    world.clock.advance(23 * HOUR);
    await expect(remind()).rejects.toMatchObject({ code: 'APPROVALS.REMINDER_TOO_SOON', kind: 'rate-limited', details: { retryAt } });
    expect((await page()).reminder).toEqual({ retryAt });
    world.clock.advance(HOUR);
    expect((await page()).reminder).toEqual({ retryAt: null });
    expect((await remind()).activity).toHaveLength(2);
    world.settings.current.setReminderCooldown(2);
    world.clock.advance(2 * HOUR);
    expect((await remind()).activity).toHaveLength(3);
  });

  it("is the quote's rep's: an approver, an admin and another rep may not", async () => {
    await expect(remind(caller('manager-1', 'manager'))).rejects.toMatchObject({ code: 'APPROVALS.NOT_YOURS_TO_REMIND', kind: 'forbidden' });
    await expect(remind(caller('admin-1', 'admin'))).rejects.toMatchObject({ code: 'APPROVALS.NOT_YOURS_TO_REMIND' });
    await expect(remind(caller('rep-2', 'rep'))).rejects.toMatchObject({ code: 'APPROVALS.NOT_FOUND' });
    expect((await world.requests.findCurrent('q1'))!.activity).toEqual([]);
  });
});
