import { describe, expect, it } from 'vitest';
import type { CommandBus } from '@nestjs/cqrs';
import type { SendNotificationCommand } from '@qa/notifications-contracts';
import type { CreateTaskCommand } from '@qa/tasks-contracts';
import { QUOTE_APPROVAL_WORKFLOWS } from '../quote-approvals/quote-approval-workflows';
import { registryOf } from '../testing/in-memory-workflows';
import { CreateTaskAction } from './create-task.action';
import { SendNotificationAction } from './send-notification.action';
import type { ActionContext } from './workflow-action';

/** The tasks context's side of CreateTaskCommand: what was asked, and a task id for each. */
function tasksBus() {
  const sent: CreateTaskCommand[] = [];
  const bus = { execute: async (command: CreateTaskCommand) => (sent.push(command), { id: `task-${sent.length}`, created: true }) } as unknown as CommandBus;
  return { bus, sent };
}

/** `{{record.<name>}}` filled from the record, as the engine's templates do (enough for these specs). */
function context(record: Record<string, unknown>): ActionContext {
  return {
    run: { id: 'run-1', workflowId: 'wf-1', recordType: 'quote', recordId: 'q-1' },
    record,
    sourceKey: 'wf:run-1:3',
    render: (template: unknown) => String(template ?? '').replace(/\{\{record\.(\w+)\}\}/g, (_, name: string) => String(record[name] ?? '')),
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

  it('gives the task to the user a template names (whom an approval step was handed to)', async () => {
    const { bus, sent } = tasksBus();
    const ctx = { ...context({ approverIds: ['u-max'] }), render: (template: unknown) => String(template).replace('{{event.payload.activity.to}}', 'u-dana') };
    await new CreateTaskAction(bus).execute({ ...REVIEW, assignee: '{{event.payload.activity.to}}' }, ctx);
    expect(sent.map((c) => [c.task.assigneeId, c.task.sourceKey])).toEqual([['u-dana', 'wf-task:approval:q-1:wf:run-1:3']]);
    await expect(new CreateTaskAction(bus).execute({ ...REVIEW, assignee: '{{event.payload.nobody}}' }, { ...ctx, render: () => '' })).rejects.toThrow('names nobody on this record');
  });

  it('fails the step (to be retried) when the record names no approver, and creates nothing', async () => {
    const { bus, sent } = tasksBus();
    await expect(new CreateTaskAction(bus).execute(REVIEW, context({ approverIds: [] }))).rejects.toThrow('assignee: "approvers" names nobody on this record');
    expect(sent).toEqual([]);
  });
});

describe('texts as a code with parameters (create_task and send_notification)', () => {
  const QUOTE = { approverIds: ['u-max'], ownerId: 'u-rita', number: 'Q-2026-0007', title: 'Website redesign' };
  const review = { assignee: 'approvers', message: { code: 'approvals.reviewQuote', params: { number: '{{record.number}}', title: '{{record.title}}' } }, taskKey: 'approval' };

  it('stores the task\'s message with its params filled in, the code as the fallback title, and no English text', async () => {
    const { bus, sent } = tasksBus();
    await new CreateTaskAction(bus).execute(review, context(QUOTE));
    expect(sent.map((c) => [c.task.title, c.task.notes, c.task.message])).toEqual([
      ['approvals.reviewQuote', '', { code: 'approvals.reviewQuote', params: { number: 'Q-2026-0007', title: 'Website redesign' } }],
    ]);
  });

  it('keeps a title a user typed as it is, with no message', async () => {
    const { bus, sent } = tasksBus();
    await new CreateTaskAction(bus).execute({ assignee: 'owner', title: 'Call {{record.number}} back' }, context(QUOTE));
    expect(sent.map((c) => [c.task.title, c.task.message])).toEqual([['Call Q-2026-0007 back', null]]);
  });

  it('sends a notification with its message, and the code as the fallback title', async () => {
    const sent: SendNotificationCommand[] = [];
    const bus = { execute: async (command: SendNotificationCommand) => (sent.push(command), { id: 'n-1', created: true }) } as unknown as CommandBus;
    const message = { code: 'approvals.quoteApproved', params: { number: '{{record.number}}', title: '{{record.title}}' } };
    expect(await new SendNotificationAction(bus).execute({ recipient: 'owner', message }, context(QUOTE))).toEqual({ output: { notificationId: 'n-1' } });
    expect(sent.map((c) => c.notification)).toEqual([
      {
        recipientUserId: 'u-rita',
        title: 'approvals.quoteApproved',
        body: '',
        message: { code: 'approvals.quoteApproved', params: { number: 'Q-2026-0007', title: 'Website redesign' } },
        link: '/quotes/q-1',
        sourceKey: 'wf:run-1:3',
      },
    ]);
  });

  it('sends "approvers" one notification each, once per step and approver (a reminder)', async () => {
    const sent: SendNotificationCommand[] = [];
    const bus = { execute: async (command: SendNotificationCommand) => (sent.push(command), { id: `n-${sent.length}`, created: true }) } as unknown as CommandBus;
    const message = { code: 'approvals.approvalReminder', params: { number: '{{record.number}}' } };
    expect(await new SendNotificationAction(bus).execute({ recipient: 'approvers', message }, context({ ...QUOTE, approverIds: ['u-max', 'u-ada'] }))).toEqual({ output: { notificationIds: ['n-1', 'n-2'] } });
    expect(sent.map((c) => [c.notification.recipientUserId, c.notification.sourceKey, c.notification.message])).toEqual([
      ['u-max', 'wf:run-1:3:u-max', { code: 'approvals.approvalReminder', params: { number: 'Q-2026-0007' } }],
      ['u-ada', 'wf:run-1:3:u-ada', { code: 'approvals.approvalReminder', params: { number: 'Q-2026-0007' } }],
    ]);
  });

  it('accepts a message in place of the title on save, and refuses neither, or a message that is not a code', () => {
    const bus = tasksBus().bus;
    const registry = registryOf(new CreateTaskAction(bus), new SendNotificationAction(bus));
    expect(() => registry.checkParams([{ key: 'create_task', params: review }])).not.toThrow();
    const refusal = (params: Record<string, unknown>) => {
      try {
        registry.checkParams([{ key: 'send_notification', params: { recipient: 'owner', ...params } }]);
        return null;
      } catch (error) {
        return (error as { details?: unknown }).details;
      }
    };
    expect(refusal({})).toEqual({ fields: [{ field: 'actions.0.params.title', reason: 'is required' }] });
    expect(refusal({ message: { code: 'Quote approved!' } })).toEqual({ fields: [{ field: 'actions.0.params.message', reason: 'code must be dotted words, e.g. approvals.reviewQuote' }] });
    expect(refusal({ message: { code: 'approvals.quoteApproved', params: { number: 7 } } })).toEqual({
      fields: [{ field: 'actions.0.params.message', reason: 'params.number must be text of at most 2000 characters' }],
    });
  });

  it('the built-in approval workflows write no text for people: every task and notification has a message, every approval_status value is a code', () => {
    const actions = QUOTE_APPROVAL_WORKFLOWS.flatMap((w) => w.actions);
    const texts = actions.filter((a) => a.key === 'create_task' || a.key === 'send_notification');
    expect(texts.map((a) => [(a.params['message'] as { code: string }).code, a.params['title'], a.params['body']])).toEqual([
      ['approvals.reviewQuote', undefined, undefined],
      ['approvals.reviewQuoteStep', undefined, undefined],
      ['approvals.makeChanges', undefined, undefined],
      ['approvals.quoteApproved', undefined, undefined],
      ['approvals.reviewQuoteDelegated', undefined, undefined],
      ['approvals.reviewQuoteReassigned', undefined, undefined],
      ['approvals.approvalReminder', undefined, undefined],
      ['approvals.reviewQuoteEscalated', undefined, undefined],
    ]);
    expect(actions.filter((a) => a.params['property'] === 'approval_status').map((a) => a.params['value'])).toEqual(['pending_approval', 'changes_requested', 'approved', 'withdrawn']);
    expect(() => registryOf(new CreateTaskAction(tasksBus().bus), new SendNotificationAction(tasksBus().bus)).checkParams(texts)).not.toThrow();
  });
});
