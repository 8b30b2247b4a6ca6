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
      { name: 'recipient', label: 'Recipient', type: 'text' as const, required: true, help: 'owner, approver, approvers (one notification each), or a user id' },
      { name: 'title', label: 'Title', type: 'template' as const, required: true, requiredUnless: 'message' },
      { name: 'body', label: 'Message', type: 'template' as const, required: false },
    ],
  };

  constructor(private readonly commands: CommandBus) {}

  async execute(params: Record<string, unknown>, ctx: ActionContext): Promise<ActionResult> {
    // Built-in workflows give the text as a code with parameters (`message`): clients word it, the
    // title and body are only the fallback. A title a user typed is the user's text.
    const message = renderMessage(params['message'], ctx);
    const recipients =
      params['recipient'] === 'approvers' && Array.isArray(ctx.record['approverIds']) && ctx.record['approverIds'].length
        ? (ctx.record['approverIds'] as string[])
        : [resolveUser(params['recipient'], ctx, 'recipient')];
    // null: the recipient switched this kind of notification off in the app.
    const notificationIds: Array<string | null> = [];
    for (const recipientUserId of recipients) notificationIds.push(await this.send(recipientUserId, params, ctx, message, recipients.length > 1 ? `:${recipientUserId}` : ''));
    return { output: recipients.length > 1 ? { notificationIds } : { notificationId: notificationIds[0] } };
  }

  private async send(recipientUserId: string, params: Record<string, unknown>, ctx: ActionContext, message: ReturnType<typeof renderMessage>, keySuffix: string): Promise<string | null> {
    const result: { id: string | null } = await this.commands.execute(
      new SendNotificationCommand({
        recipientUserId,
        title: ctx.render(params['title']) || message?.code || 'Notification',
        body: ctx.render(params['body'] ?? ''),
        message,
        link: ctx.run.recordType === 'quote' ? `/quotes/${ctx.run.recordId}` : null,
        sourceKey: `${ctx.sourceKey}${keySuffix}`,
      }),
    );
    return result.id;
  }
}
