import { CompleteRecordTasksCommand } from '@qa/tasks-contracts';
import { describe, expect, it } from 'vitest';
import { MemoryTasks, savedTask } from '../../testing/in-memory-tasks';
import { CompleteRecordTasksHandler } from './complete-record-tasks.handler';

describe('CompleteRecordTasksHandler', () => {
  it('completes the open tasks of the record whose source key has the prefix, and counts them', async () => {
    const tasks = new MemoryTasks();
    const approval = await savedTask(tasks, { sourceKey: 'approval:q1:1' });
    const second = await savedTask(tasks, { sourceKey: 'approval:q1:2', assigneeId: 'manager-2' });
    const other = await savedTask(tasks, { sourceKey: 'follow-up:q1' });
    const elsewhere = await savedTask(tasks, { relatedId: 'q2', sourceKey: 'approval:q2:1' });
    const byHand = await savedTask(tasks);
    const completed = await new CompleteRecordTasksHandler(tasks).execute(new CompleteRecordTasksCommand('quote', 'q1', 'approval:', 'manager-1'));
    expect(completed).toBe(2);
    expect([approval, second, other, elsewhere, byHand].map((t) => [t.status, t.completedBy])).toEqual([
      ['completed', 'manager-1'],
      ['completed', 'manager-1'],
      ['open', null],
      ['open', null],
      ['open', null],
    ]);
    expect(await new CompleteRecordTasksHandler(tasks).execute(new CompleteRecordTasksCommand('quote', 'q1', 'approval:', null))).toBe(0);
  });
});
