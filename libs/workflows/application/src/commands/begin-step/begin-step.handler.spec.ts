import { ManualClock } from '@qa/shared-kernel';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryRuns } from '../../testing/in-memory-workflows';
import { savedRun } from '../../testing/run-fixture';
import { BeginStepCommand } from './begin-step.command';
import { BeginStepHandler } from './begin-step.handler';

describe('BeginStepHandler', () => {
  const clock = new ManualClock('2026-12-02T12:00:00Z');
  let runs: MemoryRuns;
  let handler: BeginStepHandler;
  beforeEach(() => {
    runs = new MemoryRuns();
    handler = new BeginStepHandler(runs, clock);
  });

  it('begins the step the run stands at: the step running, the attempt counted and timed', async () => {
    const { run, steps } = await savedRun(runs, ['create_task', 'set_property']);
    expect(await handler.execute(new BeginStepCommand(run.id, 0))).toBe('run');
    expect([steps[0]!.status, steps[0]!.attempts, steps[0]!.startedAt, run.status]).toEqual(['running', 1, clock.now(), 'running']);
  });

  it('tells a missing run, a forged step and a finished one apart', async () => {
    const { run, steps } = await savedRun(runs, ['create_task', 'set_property']);
    expect(await handler.execute(new BeginStepCommand('nope', 0))).toBe('missing');
    expect(await handler.execute(new BeginStepCommand(run.id, 5))).toBe('missing');
    expect(await handler.execute(new BeginStepCommand(run.id, 1))).toBe('not-at-step');
    await handler.execute(new BeginStepCommand(run.id, 0));
    run.completeStep(steps, steps[0]!, {}, clock.now());
    expect(await handler.execute(new BeginStepCommand(run.id, 0))).toBe('skip');
    expect(steps[0]!.attempts).toBe(1);
  });

  it('sends a step back until the wait before it is over, then runs the waiting run again', async () => {
    const { run, steps } = await savedRun(runs, ['wait', 'set_property']);
    await handler.execute(new BeginStepCommand(run.id, 0));
    const resumeAt = new Date(clock.now().getTime() + 60_000);
    run.completeStep(steps, steps[0]!, { resumeAt }, clock.now());
    expect(run.status).toBe('waiting');
    expect(await handler.execute(new BeginStepCommand(run.id, 1))).toEqual({ notBefore: resumeAt });
    clock.set(resumeAt);
    expect(await handler.execute(new BeginStepCommand(run.id, 1))).toBe('run');
    expect([run.status, steps[1]!.status]).toEqual(['running', 'running']);
    clock.set('2026-12-02T12:00:00Z');
  });

  it('lets an earlier run of the same record go first, unless it is waiting out a wait', async () => {
    const earlier = await savedRun(runs, ['wait', 'set_property'], { eventId: 'e-1' });
    const later = await savedRun(runs, ['create_task'], { eventId: 'e-2' });
    expect(await handler.execute(new BeginStepCommand(later.run.id, 0))).toBe('wait');
    await handler.execute(new BeginStepCommand(earlier.run.id, 0));
    earlier.run.completeStep(earlier.steps, earlier.steps[0]!, { resumeAt: new Date(clock.now().getTime() + 60_000) }, clock.now());
    expect(await handler.execute(new BeginStepCommand(later.run.id, 0))).toBe('run');
  });
});
