import { ApprovalTimer } from '@qa/approvals-domain';
import { describe, expect, it } from 'vitest';
import { approvalsWorld, MemoryApprovalTimers, oneStepRoute, openRound, pendingQuote } from '../../testing/in-memory-approvals';
import { FireApprovalTimerCommand } from './fire-approval-timer.command';
import { FireApprovalTimerHandler } from './fire-approval-timer.handler';

const DUE = new Date('2026-12-03T12:00:00Z');

async function setUp(kind: 'remind' | 'escalate', escalateTo: 'manager' | 'fallback' | null = null) {
  const world = approvalsWorld();
  const timers = new MemoryApprovalTimers();
  const handler = new FireApprovalTimerHandler(timers, world.requests, world.settings, world.bus.queries, world.clock);
  // manager-1 approves rep-1's quotes; manager-1 reports to admin-1.
  const round = await openRound(world, pendingQuote(), oneStepRoute(['manager-1']));
  const timer = ApprovalTimer.schedule({ requestId: round.id, round: 1, step: 0, kind, escalateTo, dueAt: DUE, now: world.clock.now() });
  await timers.save(timer);
  return { world, timers, handler, round, timer };
}

describe('FireApprovalTimerHandler', () => {
  it('does nothing before the timer is due by the clock', async () => {
    const { world, handler, round, timer } = await setUp('remind');
    world.clock.set('2026-12-03T11:59:59Z');
    expect(await handler.execute(new FireApprovalTimerCommand(timer.id))).toEqual({ notBefore: DUE });
    expect(round.activity).toEqual([]);
    expect(timer.state).toBe('scheduled');
  });

  it('reminds once when due', async () => {
    const { world, handler, round, timer } = await setUp('remind');
    world.clock.set(DUE);
    expect(await handler.execute(new FireApprovalTimerCommand(timer.id))).toBe('fired');
    expect(await handler.execute(new FireApprovalTimerCommand(timer.id))).toBe('ended');
    expect(round.activity.map((a) => [a.kind, a.by])).toEqual([['reminded', null]]);
    expect(round.pullEvents().map((e) => e.name)).toEqual(['approvals.request.reminded.v1']);
    expect(timer).toMatchObject({ state: 'fired', endedAt: DUE });
  });

  it("escalates to the waiting approver's manager", async () => {
    const { world, handler, round, timer } = await setUp('escalate', 'manager');
    world.clock.set(DUE);
    expect(await handler.execute(new FireApprovalTimerCommand(timer.id))).toBe('fired');
    expect(round.approversNow()).toEqual(['manager-1', 'admin-1']);
    expect(round.activity).toMatchObject([{ kind: 'escalated', to: 'admin-1', reason: 'no-decision' }]);
  });

  it('escalates to the fallback approver when the rule says so', async () => {
    const { world, handler, round, timer } = await setUp('escalate', 'fallback');
    world.settings.current.defaultApproverId = 'manager-2';
    world.clock.set(DUE);
    await handler.execute(new FireApprovalTimerCommand(timer.id));
    expect(round.approversNow()).toEqual(['manager-1', 'manager-2']);
  });

  it('ends without effect when the step was decided before, and for an unknown timer', async () => {
    const { world, handler, round, timer } = await setUp('remind');
    round.decide({ id: 'manager-1', eligible: true }, 1, 'approve', null);
    round.pullEvents();
    world.clock.set(DUE);
    expect(await handler.execute(new FireApprovalTimerCommand(timer.id))).toBe('ended');
    expect(timer.state).toBe('cancelled');
    expect(round.activity).toEqual([]);
    expect(await handler.execute(new FireApprovalTimerCommand('no-such-timer'))).toBe('missing');
  });
});
