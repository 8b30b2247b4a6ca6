import { CommandBus } from '@nestjs/cqrs';
import { CompleteRecordTasksCommand } from '@qa/tasks-contracts';
import { WorkflowActionProvider, type ActionContext, type ActionResult, type WorkflowAction } from './workflow-action';

@WorkflowActionProvider()
export class CompleteTasksAction implements WorkflowAction {
  readonly description = {
    key: 'complete_tasks',
    label: 'Complete tasks',
    description: 'Completes the open tasks a "Create task" action with this task key made for the record.',
    params: [{ name: 'taskKey', label: 'Task key', type: 'text' as const, required: true }],
  };

  constructor(private readonly commands: CommandBus) {}

  async execute(params: Record<string, unknown>, ctx: ActionContext): Promise<ActionResult> {
    const completed: number = await this.commands.execute(
      new CompleteRecordTasksCommand(ctx.run.recordType, ctx.run.recordId, `wf-task:${String(params['taskKey'] ?? 'task')}:${ctx.run.recordId}:`, null),
    );
    return { output: { completed } };
  }
}
