import { describe, expect, it } from 'vitest';
import { caller, MemoryTasks, savedTask } from '../../testing/in-memory-tasks';
import { CountOpenTasksHandler } from './count-open-tasks.handler';
import { CountOpenTasksQuery } from './count-open-tasks.query';

describe('CountOpenTasksHandler', () => {
  it('counts the open tasks assigned to the caller (the badge)', async () => {
    const tasks = new MemoryTasks();
    await savedTask(tasks, { assigneeId: 'manager-1' });
    await savedTask(tasks, { assigneeId: 'manager-1' });
    (await savedTask(tasks, { assigneeId: 'manager-1' })).complete('manager-1');
    await savedTask(tasks, { assigneeId: 'rep-2', createdBy: { type: 'user', id: 'manager-1' } });
    const handler = new CountOpenTasksHandler(tasks);
    expect(await handler.execute(new CountOpenTasksQuery(caller('manager-1', 'manager')))).toBe(2);
    expect(await handler.execute(new CountOpenTasksQuery(caller('rep-9')))).toBe(0);
  });
});
