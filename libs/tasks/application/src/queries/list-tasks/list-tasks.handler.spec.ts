import { beforeEach, describe, expect, it } from 'vitest';
import { caller, MemoryTasks, savedTask } from '../../testing/in-memory-tasks';
import { ListTasksHandler } from './list-tasks.handler';
import { ListTasksQuery } from './list-tasks.query';

describe('ListTasksHandler', () => {
  let tasks: MemoryTasks;
  let handler: ListTasksHandler;
  const titles = async (query: ListTasksQuery) => (await handler.execute(query)).map((t) => t.title);

  beforeEach(async () => {
    tasks = new MemoryTasks();
    handler = new ListTasksHandler(tasks);
    await savedTask(tasks, { title: 'Rep 1 for manager', assigneeId: 'manager-1', createdBy: { type: 'user', id: 'rep-1' }, dueOn: '2026-12-02' });
    await savedTask(tasks, { title: 'Workflow for manager', assigneeId: 'manager-1', createdBy: { type: 'workflow', id: 'wf-1' }, dueOn: '2026-12-01' });
    await savedTask(tasks, { title: 'Manager for rep 2', assigneeId: 'rep-2', createdBy: { type: 'user', id: 'manager-1' }, relatedId: 'q2' });
    const done = await savedTask(tasks, { title: 'Done by rep 2', assigneeId: 'rep-2', createdBy: { type: 'user', id: 'rep-2' } });
    done.complete('rep-2');
  });

  it('lists the caller’s own tasks by default, open first, by due date', async () => {
    expect(await titles(new ListTasksQuery(caller('manager-1', 'manager'), {}))).toEqual(['Workflow for manager', 'Rep 1 for manager']);
    expect(await titles(new ListTasksQuery(caller('rep-2'), { assignee: 'me' }))).toEqual(['Manager for rep 2', 'Done by rep 2']);
    expect(await titles(new ListTasksQuery(caller('rep-2'), { status: 'completed' }))).toEqual(['Done by rep 2']);
  });

  it('shows a rep only tasks assigned to or created by them, whoever they ask about', async () => {
    expect(await titles(new ListTasksQuery(caller('rep-1'), { assignee: 'anyone' }))).toEqual(['Rep 1 for manager']);
    expect(await titles(new ListTasksQuery(caller('rep-1'), { assignee: 'rep-2' }))).toEqual([]);
  });

  it('shows managers everyone’s tasks, filtered by assignee and record', async () => {
    expect(await titles(new ListTasksQuery(caller('admin-1', 'admin'), { assignee: 'anyone', status: 'open' }))).toEqual(['Workflow for manager', 'Rep 1 for manager', 'Manager for rep 2']);
    expect(await titles(new ListTasksQuery(caller('manager-1', 'manager'), { assignee: 'rep-2', relatedType: 'quote', relatedId: 'q2' }))).toEqual(['Manager for rep 2']);
    expect(await titles(new ListTasksQuery(caller('admin-1', 'admin'), { assignee: 'anyone' }, 2))).toEqual(['Workflow for manager', 'Rep 1 for manager']);
  });
});
