import { describe, expect, it } from 'vitest';
import { Task } from './task';

const newTask = () =>
  Task.create({ title: ' Review quote ', notes: 'Check the discount', assigneeId: 'u-manager', relatedType: 'quote', relatedId: 'q1', dueOn: null, priority: 'high', createdBy: { type: 'workflow', id: 'wf-1' }, sourceKey: 'run-1:0' });

describe('Task', () => {
  it('opens with a created event for the assignee', () => {
    const task = newTask();
    expect(task.status).toBe('open');
    expect(task.title).toBe('Review quote');
    expect(task.pullEvents().map((e) => [e.name, e.payload['assigneeId']])).toEqual([['tasks.task.created.v1', 'u-manager']]);
  });

  it('completes once, recording who and when', () => {
    const task = newTask();
    task.pullEvents();
    task.complete('u-manager', new Date('2026-11-26T10:00:00Z'));
    expect(task).toMatchObject({ status: 'completed', completedBy: 'u-manager' });
    expect(task.pullEvents().map((e) => e.name)).toEqual(['tasks.task.completed.v1']);
    expect(() => task.complete('u-manager')).toThrow(expect.objectContaining({ code: 'TASKS.ALREADY_COMPLETED' }));
  });

  it('is seen by its assignee and creator, completed by its assignee; managers and admins see and complete all', () => {
    const task = Task.create({ title: 'Call Anna', notes: '', assigneeId: 'u-manager', relatedType: null, relatedId: null, dueOn: null, priority: 'low', createdBy: { type: 'user', id: 'u-rep' }, sourceKey: null });
    const who = [
      { userId: 'u-manager', role: 'rep' as const },
      { userId: 'u-rep', role: 'rep' as const },
      { userId: 'u-other', role: 'rep' as const },
      { userId: 'u-other', role: 'manager' as const },
      { userId: 'u-other', role: 'admin' as const },
    ];
    expect(who.map((v) => [task.isVisibleTo(v), task.mayBeCompletedBy(v)])).toEqual([
      [true, true],
      [true, false],
      [false, false],
      [true, true],
      [true, true],
    ]);
  });
});
