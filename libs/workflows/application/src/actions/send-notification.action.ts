import { CommandBus } from '@nestjs/cqrs';
import { SendNotificationCommand } from '@qa/notifications-contracts';
import { renderMessage, resolveUser } from './action-params';
import { WorkflowActionProvider, type ActionContext, type ActionResult, type WorkflowAction } from './workflow-action';

@WorkflowActionProvider()
export class SendNotificationAction implements WorkflowAction {
  readonly description = {
    key: 'send_notification',
    label: 'Send notification',
    description: 'Notifies a user in the app (and by e-mail when configured).',
    params: [
      { name: 'recipient', label: 'Recipient', type: 'text' as const, required: true, help: 'owner, approver, or a user id' },
      { name: 'title', label: 'Title', type: 'template' as const, required: true, requiredUnless: 'message' },
      { name: 'body', label: 'Message', type: 'template' as const, required: false },
    ],
  };

  constructor(private readonly commands: CommandBus) {}

  async execute(params: Record<string, unknown>, ctx: ActionContext): Promise<ActionResult> {
    // Built-in workflows give the text as a code with parameters (`message`): clients word it, the
    // title and body are only the fallback. A title a user typed is the user's text.
    const message = renderMessage(params['message'], ctx);
    const result: { id: string } = await this.commands.execute(
      new SendNotificationCommand({
        recipientUserId: resolveUser(params['recipient'], ctx, 'recipient'),
        title: ctx.render(params['title']) || message?.code || 'Notification',
        body: ctx.render(params['body'] ?? ''),
        message,
        link: ctx.run.recordType === 'quote' ? `/quotes/${ctx.run.recordId}` : null,
        sourceKey: ctx.sourceKey,
      }),
    );
    return { output: { notificationId: result.id } };
  }
}
