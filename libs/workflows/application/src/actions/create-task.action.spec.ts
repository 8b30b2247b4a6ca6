import { describe, expect, it } from 'vitest';
import type { CommandBus } from '@nestjs/cqrs';
import type { CreateTaskCommand } from '@qa/tasks-contracts';
import { CreateTaskAction } from './create-task.action';
import type { ActionContext } from './workflow-action';

/** The tasks context's side of CreateTaskCommand: what was asked, and a task id for each. */
function tasksBus() {
  const sent: CreateTaskCommand[] = [];
  const bus = { execute: async (command: CreateTaskCommand) => (sent.push(command), { id: `task-${sent.length}`, created: true }) } as unknown as CommandBus;
  return { bus, sent };
}

function context(record: Record<string, unknown>): ActionContext {
  return {
    run: { id: 'run-1', workflowId: 'wf-1', recordType: 'quote', recordId: 'q-1' },
    record,
    sourceKey: 'wf:run-1:3',
    render: (template: unknown) => String(template ?? ''),
  } as unknown as ActionContext;
}

const REVIEW = { assignee: 'approvers', title: 'Review quote', taskKey: 'approval' };

describe('CreateTaskAction (create_task)', () => {
  it('gives each of the record\'s approvers a task of their own', async () => {
    const { bus, sent } = tasksBus();
    const result = await new CreateTaskAction(bus).execute(REVIEW, context({ approverIds: ['u-max', 'u-ada'], approver: 'u-max' }));
    expect(result).toEqual({ output: { taskIds: ['task-1', 'task-2'] } });
    expect(sent.map((c) => [c.task.assigneeId, c.task.sourceKey])).toEqual([
      ['u-max', 'wf-task:approval:q-1:wf:run-1:3:u-max'],
      ['u-ada', 'wf-task:approval:q-1:wf:run-1:3:u-ada'],
    ]);
  });

  it('gives "approvers" to the record\'s approver when it names no list, never to a user called "approvers"', async () => {
    const { bus, sent } = tasksBus();
    await new CreateTaskAction(bus).execute(REVIEW, context({ approver: 'u-max' }));
    expect(sent.map((c) => c.task.assigneeId)).toEqual(['u-max']);
  });

  it('fails the step (to be retried) when the record names no approver, and creates nothing', async () => {
    const { bus, sent } = tasksBus();
    await expect(new CreateTaskAction(bus).execute(REVIEW, context({ approverIds: [] }))).rejects.toThrow('assignee: "approvers" names nobody on this record');
    expect(sent).toEqual([]);
  });
});
