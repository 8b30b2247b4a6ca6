import { describe, expect, it } from 'vitest';
import { MemoryRuns, MemoryWorkflows, quoteWorkflow } from '../../testing/in-memory-workflows';
import { savedRun } from '../../testing/run-fixture';
import { ListWorkflowsHandler } from './list-workflows.handler';

describe('ListWorkflowsHandler', () => {
  it('lists every workflow with its number of runs', async () => {
    const workflows = new MemoryWorkflows();
    const runs = new MemoryRuns();
    const busy = quoteWorkflow({ name: 'Busy' });
    const idle = quoteWorkflow({ name: 'Idle' });
    await workflows.save(busy);
    await workflows.save(idle);
    for (const eventId of ['e-1', 'e-2']) Object.assign((await savedRun(runs, ['create_task'], { eventId })).run, { workflowId: busy.id });
    expect((await new ListWorkflowsHandler(workflows, runs).execute()).map(({ workflow, runs: n }) => [workflow.name, n])).toEqual([
      ['Busy', 2],
      ['Idle', 0],
    ]);
  });
});
