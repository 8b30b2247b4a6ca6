import { CreateTaskCommand } from '@qa/tasks-contracts';
import { describe, expect, it } from 'vitest';
import { MemoryTasks, newTask } from '../../testing/in-memory-tasks';
import { CreateTaskHandler } from './create-task.handler';

describe('CreateTaskHandler', () => {
  it('creates an open task with its creator and a created event', async () => {
    const tasks = new MemoryTasks();
    const result = await new CreateTaskHandler(tasks).execute(new CreateTaskCommand(newTask({ title: '  Call Anna  ', dueOn: '2026-12-01', priority: 'high' })));
    const task = tasks.tasks.get(result.id)!;
    expect(result).toEqual({ id: task.id, created: true });
    expect(task).toMatchObject({ title: 'Call Anna', assigneeId: 'manager-1', status: 'open', dueOn: '2026-12-01', priority: 'high', createdByType: 'user', createdById: 'rep-1', sourceKey: null });
    expect(task.pullEvents().map((e) => [e.name, e.payload['assigneeId']])).toEqual([['tasks.task.created.v1', 'manager-1']]);
  });

  it('creates one task per source key: a redelivered workflow step finds the first', async () => {
    const tasks = new MemoryTasks();
    const handler = new CreateTaskHandler(tasks);
    const command = () => new CreateTaskCommand(newTask({ createdBy: { type: 'workflow', id: 'wf-1' }, sourceKey: 'run-42:step-0' }));
    const first = await handler.execute(command());
    expect(await handler.execute(command())).toEqual({ id: first.id, created: false });
    expect(await handler.execute(new CreateTaskCommand(newTask()))).toMatchObject({ created: true });
    expect(await handler.execute(new CreateTaskCommand(newTask()))).toMatchObject({ created: true });
    expect(tasks.tasks.size).toBe(3);
  });
});
