import { describe, expect, it } from 'vitest';
import { MemoryRuns, MemoryWorkflows, quoteWorkflow } from '../../testing/in-memory-workflows';
import { savedRun } from '../../testing/run-fixture';
import { GetWorkflowQuery } from './get-workflow.query';
import { GetWorkflowHandler } from './get-workflow.handler';

describe('GetWorkflowHandler', () => {
  it('answers the workflow with its number of runs, or WORKFLOWS.NOT_FOUND', async () => {
    const workflows = new MemoryWorkflows();
    const runs = new MemoryRuns();
    const workflow = quoteWorkflow();
    await workflows.save(workflow);
    Object.assign((await savedRun(runs, ['create_task'])).run, { workflowId: workflow.id });
    const handler = new GetWorkflowHandler(workflows, runs);
    expect(await handler.execute(new GetWorkflowQuery(workflow.id))).toEqual({ workflow, runs: 1 });
    await expect(handler.execute(new GetWorkflowQuery('nope'))).rejects.toMatchObject({ code: 'WORKFLOWS.NOT_FOUND', details: { id: 'nope' } });
  });
});
