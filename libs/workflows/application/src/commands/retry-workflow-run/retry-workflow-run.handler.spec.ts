import { ManualClock } from '@qa/shared-kernel';
import { WorkflowRun, WorkflowRunStep } from '@qa/workflows-domain';
import { describe, expect, it } from 'vitest';
import { MemoryRuns, RecordingScheduler } from '../../testing/in-memory-workflows';
import { RetryWorkflowRunCommand } from './retry-workflow-run.command';
import { RetryWorkflowRunHandler } from './retry-workflow-run.handler';

describe('RetryWorkflowRunHandler', () => {
  const clock = new ManualClock('2026-12-02T12:00:00Z');
  const failedRun = async (runs: MemoryRuns) => {
    const run = WorkflowRun.enrol({ workflowId: 'wf-1', workflowName: 'Hook', recordType: 'quote', recordId: 'q-1', triggerEventId: 'e-1', context: {} }, clock.now());
    const steps = WorkflowRunStep.plan(run.id, [{ key: 'create_task', params: {} }, { key: 'send_webhook', params: {} }]);
    run.beginStep(steps[0]!, clock.now());
    run.completeStep(steps, steps[0]!, {}, clock.now());
    for (const final of [false, false, true]) {
      run.beginStep(steps[1]!, clock.now());
      run.failStep(steps[1]!, 'POST answered 500', final, clock.now());
    }
    await runs.saveRun(run, steps);
    return run;
  };

  it('reopens the failed step, runs the run again and queues the step under a job of its own', async () => {
    const runs = new MemoryRuns();
    const scheduler = new RecordingScheduler();
    const run = await failedRun(runs);
    await new RetryWorkflowRunHandler(runs, scheduler, clock).execute(new RetryWorkflowRunCommand(run.id));
    const { steps } = (await runs.findRun(run.id))!;
    expect([run.status, run.finishedAt]).toEqual(['running', null]);
    expect(steps.map((s) => [s.status, s.attempts])).toEqual([['succeeded', 1], ['pending', 3]]);
    expect(scheduler.scheduled).toEqual([{ runId: run.id, index: 1, options: { jobSuffix: 'retry-3' } }]);
  });

  it('refuses a run that has not failed and one that does not exist', async () => {
    const runs = new MemoryRuns();
    const scheduler = new RecordingScheduler();
    const run = await failedRun(runs);
    const handler = new RetryWorkflowRunHandler(runs, scheduler, clock);
    await handler.execute(new RetryWorkflowRunCommand(run.id));
    await expect(handler.execute(new RetryWorkflowRunCommand(run.id))).rejects.toMatchObject({ code: 'WORKFLOWS.RUN_NOT_FAILED' });
    await expect(handler.execute(new RetryWorkflowRunCommand('nope'))).rejects.toMatchObject({ code: 'WORKFLOWS.RUN_NOT_FOUND' });
    expect(scheduler.scheduled).toHaveLength(1);
  });
});
