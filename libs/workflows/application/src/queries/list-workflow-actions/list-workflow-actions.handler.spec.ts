import { describe, expect, it } from 'vitest';
import { fakeAction, registryOf } from '../../testing/in-memory-workflows';
import { ListWorkflowActionsHandler } from './list-workflow-actions.handler';

describe('ListWorkflowActionsHandler', () => {
  it('describes the installed actions by key', async () => {
    const actions = await new ListWorkflowActionsHandler(registryOf(fakeAction('wait'), fakeAction('create_task'))).execute();
    expect(actions.map((a) => [a.key, a.params.map((p) => p.name)])).toEqual([
      ['create_task', ['title']],
      ['wait', ['title']],
    ]);
  });
});
