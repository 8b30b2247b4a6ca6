import { CommandBus } from '@nestjs/cqrs';
import { CreateTaskCommand, TASK_PRIORITIES, type TaskPriority } from '@qa/tasks-contracts';
import { daysFromNow, renderMessage, resolveUser } from './action-params';
import { WorkflowActionProvider, type ActionContext, type ActionResult, type WorkflowAction } from './workflow-action';

@WorkflowActionProvider()
export class CreateTaskAction implements WorkflowAction {
  readonly description = {
    key: 'create_task',
    label: 'Create task',
    description: 'Creates a task tied to the record.',
    params: [
      { name: 'assignee', label: 'Assignee', type: 'text' as const, required: true, help: 'owner, approver, approvers (one task each), or a user id' },
      { name: 'title', label: 'Title', type: 'template' as const, required: true, requiredUnless: 'message' },
      { name: 'notes', label: 'Notes', type: 'template' as const, required: false },
      { name: 'dueInDays', label: 'Due in days', type: 'number' as const, required: false },
      { name: 'priority', label: 'Priority', type: 'select' as const, required: false, options: [...TASK_PRIORITIES] },
      { name: 'taskKey', label: 'Task key', type: 'text' as const, required: false, help: 'Names the task so a later "Complete tasks" action can close it' },
    ],
  };

  constructor(private readonly commands: CommandBus) {}

  async execute(params: Record<string, unknown>, ctx: ActionContext): Promise<ActionResult> {
    const assignees =
      params['assignee'] === 'approvers' && Array.isArray(ctx.record['approverIds']) && ctx.record['approverIds'].length
        ? (ctx.record['approverIds'] as string[])
        : [resolveUser(params['assignee'], ctx, 'assignee')];
    const taskIds: string[] = [];
    for (const assigneeId of assignees) taskIds.push(await this.createFor(assigneeId, params, ctx, assignees.length > 1 ? `:${assigneeId}` : ''));
    return { output: { taskIds } };
  }

  private async createFor(assigneeId: string, params: Record<string, unknown>, ctx: ActionContext, keySuffix: string): Promise<string> {
    const taskKey = typeof params['taskKey'] === 'string' && params['taskKey'] ? params['taskKey'] : 'task';
    // Built-in workflows give the text as a code with parameters (`message`): clients word it, the
    // title is only the fallback. A title a user typed is the user's text.
    const message = renderMessage(params['message'], ctx);
    const result: { id: string; created: boolean } = await this.commands.execute(
      new CreateTaskCommand({
        title: ctx.render(params['title']) || message?.code || 'Task',
        notes: ctx.render(params['notes'] ?? ''),
        message,
        assigneeId,
        relatedType: ctx.run.recordType,
        relatedId: ctx.run.recordId,
        dueOn: daysFromNow(params['dueInDays']),
        priority: (TASK_PRIORITIES as readonly string[]).includes(String(params['priority'])) ? (params['priority'] as TaskPriority) : 'medium',
        createdBy: { type: 'workflow', id: ctx.run.workflowId },
        // `wf-task:<taskKey>:<recordId>:` lets "Complete tasks" find it; the step's key makes it once.
        sourceKey: `wf-task:${taskKey}:${ctx.run.recordId}:${ctx.sourceKey}${keySuffix}`,
      }),
    );
    return result.id;
  }
}
