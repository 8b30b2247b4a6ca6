import { describe, expect, it } from 'vitest';
import { MemoryRuns, MemoryWorkflows, quoteWorkflow } from '../../testing/in-memory-workflows';
import { savedRun } from '../../testing/run-fixture';
import { ListWorkflowRunsQuery } from './list-workflow-runs.query';
import { ListWorkflowRunsHandler } from './list-workflow-runs.handler';

describe('ListWorkflowRunsHandler', () => {
  it('lists the latest runs of a workflow with their steps, up to the limit', async () => {
    const workflows = new MemoryWorkflows();
    const runs = new MemoryRuns();
    const workflow = quoteWorkflow();
    await workflows.save(workflow);
    const first = await savedRun(runs, ['create_task', 'set_property'], { eventId: 'e-1' });
    const second = await savedRun(runs, ['create_task'], { eventId: 'e-2' });
    for (const { run } of [first, second]) run.workflowId = workflow.id;
    const handler = new ListWorkflowRunsHandler(workflows, runs);
    expect((await handler.execute(new ListWorkflowRunsQuery(workflow.id))).map(({ run, steps }) => [run.id, steps.map((s) => s.actionKey)])).toEqual([
      [second.run.id, ['create_task']],
      [first.run.id, ['create_task', 'set_property']],
    ]);
    expect((await handler.execute(new ListWorkflowRunsQuery(workflow.id, 1))).map(({ run }) => run.id)).toEqual([second.run.id]);
  });

  it('answers WORKFLOWS.NOT_FOUND for a workflow that does not exist', async () => {
    await expect(new ListWorkflowRunsHandler(new MemoryWorkflows(), new MemoryRuns()).execute(new ListWorkflowRunsQuery('nope'))).rejects.toMatchObject({ code: 'WORKFLOWS.NOT_FOUND' });
  });
});
