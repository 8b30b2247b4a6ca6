import { describe, expect, it } from 'vitest';
import { caller, MemoryTasks, savedTask } from '../../testing/in-memory-tasks';
import { GetTaskHandler } from './get-task.handler';
import { GetTaskQuery } from './get-task.query';

describe('GetTaskHandler', () => {
  it('answers a task to its assignee, its creator, managers and admins; not found to anyone else', async () => {
    const tasks = new MemoryTasks();
    const task = await savedTask(tasks, { assigneeId: 'rep-2', createdBy: { type: 'user', id: 'rep-1' } });
    const handler = new GetTaskHandler(tasks);
    for (const who of [caller('rep-2'), caller('rep-1'), caller('manager-9', 'manager'), caller('admin-9', 'admin')]) {
      expect(await handler.execute(new GetTaskQuery(who, task.id))).toBe(task);
    }
    await expect(handler.execute(new GetTaskQuery(caller('rep-3'), task.id))).rejects.toMatchObject({ code: 'TASKS.NOT_FOUND', details: { id: task.id } });
    await expect(handler.execute(new GetTaskQuery(caller('admin-9', 'admin'), 'missing'))).rejects.toMatchObject({ code: 'TASKS.NOT_FOUND' });
  });
});
