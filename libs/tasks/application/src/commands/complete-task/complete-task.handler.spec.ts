import { describe, expect, it } from 'vitest';
import { caller, MemoryTasks, savedTask } from '../../testing/in-memory-tasks';
import { CompleteTaskCommand } from './complete-task.command';
import { CompleteTaskHandler } from './complete-task.handler';

describe('CompleteTaskHandler', () => {
  it('lets the assignee complete their task once', async () => {
    const tasks = new MemoryTasks();
    const task = await savedTask(tasks, { assigneeId: 'rep-2' });
    const handler = new CompleteTaskHandler(tasks);
    expect(await handler.execute(new CompleteTaskCommand(caller('rep-2'), task.id))).toMatchObject({ status: 'completed', completedBy: 'rep-2', completedAt: expect.any(Date), version: 2 });
    expect(task.pullEvents().map((e) => e.name)).toEqual(['tasks.task.completed.v1']);
    await expect(handler.execute(new CompleteTaskCommand(caller('rep-2'), task.id))).rejects.toMatchObject({ code: 'TASKS.ALREADY_COMPLETED' });
  });

  it('lets a manager complete anyone’s task; to its creator and strangers it is not found', async () => {
    const tasks = new MemoryTasks();
    const handler = new CompleteTaskHandler(tasks);
    const task = await savedTask(tasks, { assigneeId: 'rep-2', createdBy: { type: 'user', id: 'rep-1' } });
    await expect(handler.execute(new CompleteTaskCommand(caller('rep-1'), task.id))).rejects.toMatchObject({ code: 'TASKS.NOT_FOUND' });
    await expect(handler.execute(new CompleteTaskCommand(caller('rep-3'), task.id))).rejects.toMatchObject({ code: 'TASKS.NOT_FOUND' });
    await expect(handler.execute(new CompleteTaskCommand(caller('rep-2'), 'missing'))).rejects.toMatchObject({ code: 'TASKS.NOT_FOUND' });
    expect(task.status).toBe('open');
    expect(await handler.execute(new CompleteTaskCommand(caller('manager-9', 'manager'), task.id))).toMatchObject({ status: 'completed', completedBy: 'manager-9' });
  });
});
