import type { PolicyRule } from '@qa/approvals-domain';
import { describe, expect, it } from 'vitest';
import { approvalsWorld, MemoryApprovalTimers, MemoryTimerScheduler, oneStepRoute, openRound, pendingQuote } from '../../testing/in-memory-approvals';
import { ScheduleStepTimersCommand } from './schedule-step-timers.command';
import { ScheduleStepTimersHandler } from './schedule-step-timers.handler';

const rule: PolicyRule = { id: 'r1', name: 'Everything', when: [], route: [], firstMatchOnly: false, escalation: { remindAfterHours: 2, escalateAfterHours: 4, escalateTo: 'manager' } };
/** Two steps (manager-1, then manager-2), both put there by rule r1. */
const twoSteps = () => {
  const route = oneStepRoute(['manager-1']);
  route.steps = [route.steps[0]!, { groups: [{ ...route.steps[0]!.groups[0]!, approverIds: ['manager-2'] }] }].map((s) => ({ groups: s.groups.map((g) => ({ ...g, ruleIds: ['r1'] })) }));
  return route;
};

async function setUp() {
  const world = approvalsWorld();
  world.settings.current.rules = [rule];
  const timers = new MemoryApprovalTimers();
  const scheduler = new MemoryTimerScheduler();
  const handler = new ScheduleStepTimersHandler(world.requests, world.settings, timers, scheduler, world.clock);
  const round = await openRound(world, pendingQuote(), twoSteps());
  return { world, timers, scheduler, handler, round };
}

describe('ScheduleStepTimersHandler', () => {
  it("sets the current step's reminder and escalation in business hours from the step's start, and queues them", async () => {
    const { timers, scheduler, handler, round } = await setUp();
    // Thursday 2026-12-03 16:00 in Amsterdam: 1 hour left that day.
    await handler.execute(new ScheduleStepTimersCommand(round.id, new Date('2026-12-03T15:00:00Z')));
    const set = [...timers.timers.values()];
    expect(set.map((t) => [t.kind, t.step, t.state, t.dueAt.toISOString(), t.escalateTo])).toEqual([
      ['remind', 0, 'scheduled', '2026-12-04T09:00:00.000Z', null],
      ['escalate', 0, 'scheduled', '2026-12-04T11:00:00.000Z', 'manager'],
    ]);
    expect([...scheduler.queued.entries()]).toEqual(set.map((t) => [t.id, t.dueAt]));
  });

  it('sets them once per step however often the event comes', async () => {
    const { timers, handler, round } = await setUp();
    await handler.execute(new ScheduleStepTimersCommand(round.id, new Date('2026-12-03T09:00:00Z')));
    await handler.execute(new ScheduleStepTimersCommand(round.id, new Date('2026-12-03T09:00:00Z')));
    expect(timers.timers.size).toBe(2);
  });

  it("ends the timers of a step the round has left, off the queue, and sets the next step's", async () => {
    const { timers, scheduler, handler, round, world } = await setUp();
    await handler.execute(new ScheduleStepTimersCommand(round.id, new Date('2026-12-03T09:00:00Z')));
    const first = [...timers.timers.keys()];
    round.decide({ id: 'manager-1', eligible: true }, 1, 'approve', null);
    await world.requests.save(round);
    await handler.execute(new ScheduleStepTimersCommand(round.id, new Date('2026-12-03T10:00:00Z')));
    expect(first.map((id) => timers.timers.get(id)!.state)).toEqual(['cancelled', 'cancelled']);
    const next = [...timers.timers.values()].filter((t) => t.step === 1);
    expect(next.map((t) => [t.kind, t.state, t.dueAt.toISOString()])).toEqual([
      ['remind', 'scheduled', '2026-12-03T12:00:00.000Z'],
      ['escalate', 'scheduled', '2026-12-03T14:00:00.000Z'],
    ]);
    expect([...scheduler.queued.keys()]).toEqual(next.map((t) => t.id));
  });

  it('sets none once the round is over, nor for rules without an escalation', async () => {
    const { timers, handler, round, world } = await setUp();
    round.decide({ id: 'manager-1', eligible: true }, 1, 'request_changes', 'Lower the price');
    await world.requests.save(round);
    await handler.execute(new ScheduleStepTimersCommand(round.id, new Date('2026-12-03T09:00:00Z')));
    expect(timers.timers.size).toBe(0);
    const other = await setUp();
    other.world.settings.current.rules = [{ ...rule, escalation: null }];
    await other.handler.execute(new ScheduleStepTimersCommand(other.round.id, new Date('2026-12-03T09:00:00Z')));
    expect(other.timers.timers.size).toBe(0);
  });
});
