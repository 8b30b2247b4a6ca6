import { describe, expect, it } from 'vitest';
import { MemoryRuns } from '../../testing/in-memory-workflows';
import { savedRun } from '../../testing/run-fixture';
import { GetWorkflowRunQuery } from './get-workflow-run.query';
import { GetWorkflowRunHandler } from './get-workflow-run.handler';

describe('GetWorkflowRunHandler', () => {
  it('answers the run with its steps, or WORKFLOWS.RUN_NOT_FOUND', async () => {
    const runs = new MemoryRuns();
    const { run, steps } = await savedRun(runs, ['create_task', 'set_property']);
    const handler = new GetWorkflowRunHandler(runs);
    expect(await handler.execute(new GetWorkflowRunQuery(run.id))).toEqual({ run, steps });
    await expect(handler.execute(new GetWorkflowRunQuery('nope'))).rejects.toMatchObject({ code: 'WORKFLOWS.RUN_NOT_FOUND', details: { id: 'nope' } });
  });
});
