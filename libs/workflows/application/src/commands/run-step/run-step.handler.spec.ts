import { ManualClock } from '@qa/shared-kernel';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeAction, MemoryProperties, MemoryRuns, registryOf } from '../../testing/in-memory-workflows';
import { savedRun } from '../../testing/run-fixture';
import { RunStepCommand } from './run-step.command';
import { RunStepHandler } from './run-step.handler';

describe('RunStepHandler', () => {
  const clock = new ManualClock('2026-12-02T12:00:00Z');
  let runs: MemoryRuns;
  let properties: MemoryProperties;
  beforeEach(async () => {
    runs = new MemoryRuns();
    properties = new MemoryProperties();
    await properties.rememberRecord('quote', 'q-1', { number: 'Q-2026-0001', ownerId: 'u-rep' });
  });
  const begun = async (actions: string[]) => {
    const saved = await savedRun(runs, actions);
    saved.run.beginStep(saved.steps[0]!, clock.now());
    return saved;
  };

  it('runs the action with the record, the rendered templates and the step’s source key; the next step follows', async () => {
    const task = fakeAction('create_task', { output: { taskIds: ['t-1'] } });
    const { run, steps } = await begun(['create_task', 'set_property']);
    const outcome = await new RunStepHandler(runs, properties, registryOf(task), clock).execute(new RunStepCommand(run.id, 0));
    expect(outcome).toEqual({ next: { index: 1 } });
    expect(task.calls).toEqual([{ params: steps[0]!.params, sourceKey: `wf:${run.id}:0`, rendered: 'Review Q-2026-0001: Lower the discount' }]);
    expect(steps[0]).toMatchObject({ status: 'succeeded', finishedAt: clock.now(), output: { taskIds: ['t-1'] }, resumeAt: null });
    expect(run.status).toBe('running');
  });

  it('makes the run wait when the action asks for it, and succeeds the run after its last step', async () => {
    const resumeAt = new Date('2026-12-02T12:05:00Z');
    const registry = registryOf(fakeAction('wait', { resumeAt }), fakeAction('set_property'));
    const { run, steps } = await begun(['wait', 'set_property']);
    const handler = new RunStepHandler(runs, properties, registry, clock);
    expect(await handler.execute(new RunStepCommand(run.id, 0))).toEqual({ next: { index: 1, at: resumeAt } });
    expect(run.status).toBe('waiting');
    run.beginStep(steps[1]!, resumeAt);
    expect(await handler.execute(new RunStepCommand(run.id, 1))).toEqual({ next: null });
    expect([run.status, run.finishedAt]).toEqual(['succeeded', clock.now()]);
  });

  it('does not run a succeeded step again (a redelivery), and fails a step whose action is not installed', async () => {
    const task = fakeAction('create_task');
    const { run } = await begun(['create_task', 'flag_discount']);
    const handler = new RunStepHandler(runs, properties, registryOf(task), clock);
    await handler.execute(new RunStepCommand(run.id, 0));
    expect(await handler.execute(new RunStepCommand(run.id, 0))).toEqual({ next: { index: 1 } });
    expect(task.calls).toHaveLength(1);
    await expect(handler.execute(new RunStepCommand(run.id, 1))).rejects.toThrow('No action flag_discount is installed');
    await expect(handler.execute(new RunStepCommand('nope', 0))).rejects.toMatchObject({ code: 'WORKFLOWS.RUN_NOT_FOUND' });
  });

  it('leaves the step running when the action throws (the caller records the failure)', async () => {
    const { run, steps } = await begun(['create_task']);
    const handler = new RunStepHandler(runs, properties, registryOf(fakeAction('create_task', {}, new Error('tasks are down'))), clock);
    await expect(handler.execute(new RunStepCommand(run.id, 0))).rejects.toThrow('tasks are down');
    expect([steps[0]!.status, run.status]).toEqual(['running', 'running']);
  });
});
