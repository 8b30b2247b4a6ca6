import { ManualClock } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { MemoryRuns } from '../../testing/in-memory-workflows';
import { savedRun } from '../../testing/run-fixture';
import { RecordStepFailureCommand } from './record-step-failure.command';
import { RecordStepFailureHandler } from './record-step-failure.handler';

describe('RecordStepFailureHandler', () => {
  const clock = new ManualClock('2026-12-02T12:00:00Z');

  it('puts the step back for its next attempt, and after the last fails the step and the run', async () => {
    const runs = new MemoryRuns();
    const { run, steps } = await savedRun(runs, ['send_webhook']);
    const handler = new RecordStepFailureHandler(runs, clock);
    run.beginStep(steps[0]!, clock.now());
    await handler.execute(new RecordStepFailureCommand(run.id, 0, 'POST answered 500', false));
    expect([steps[0]!.status, steps[0]!.error, steps[0]!.finishedAt, run.status]).toEqual(['pending', 'POST answered 500', null, 'running']);
    run.beginStep(steps[0]!, clock.now());
    await handler.execute(new RecordStepFailureCommand(run.id, 0, 'POST answered 502', true));
    expect([steps[0]!.status, steps[0]!.error, steps[0]!.finishedAt, run.status, run.finishedAt]).toEqual(['failed', 'POST answered 502', clock.now(), 'failed', clock.now()]);
  });

  it('ignores a run or step that does not exist', async () => {
    const runs = new MemoryRuns();
    const { run } = await savedRun(runs, ['send_webhook']);
    const handler = new RecordStepFailureHandler(runs, clock);
    await handler.execute(new RecordStepFailureCommand('nope', 0, 'x', true));
    await handler.execute(new RecordStepFailureCommand(run.id, 3, 'x', true));
    expect(run.status).toBe('running');
  });
});
