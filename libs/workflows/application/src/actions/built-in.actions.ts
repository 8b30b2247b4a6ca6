import { CommandBus } from '@nestjs/cqrs';
import { ChangeDealStageCommand, DEAL_STAGES, type DealStage } from '@qa/crm-contracts';
import { SendNotificationCommand } from '@qa/notifications-contracts';
import { CompleteRecordTasksCommand, CreateTaskCommand, TASK_PRIORITIES, type TaskPriority } from '@qa/tasks-contracts';
import { Optional } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { request as httpRequest, STATUS_CODES } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { PropertyStore } from '../ports';
import { WorkflowActionProvider, type ActionContext, type ActionResult, type WorkflowAction } from '../workflow-action';
import { WebhookAddressPolicy, WebhookAddressRefused, WebhookSettings } from './webhook-address-guard';

/** Fails a step with a message an admin can act on (it shows in the run history). */
export class ActionFailure extends Error {}

/** `owner` (the record's owner), `approver` (the record's approver property) or a user id. */
function resolveUser(who: unknown, ctx: ActionContext, param: string): string {
  const value = typeof who === 'string' ? who : '';
  const id = value === 'owner' ? ctx.record['ownerId'] : value === 'approver' ? ctx.record['approver'] : value;
  if (typeof id !== 'string' || !id) throw new ActionFailure(`${param}: "${value}" names nobody on this record`);
  return id;
}

function daysFromNow(days: unknown): string | null {
  const n = Number(days);
  if (days === undefined || days === null || days === '' || !Number.isFinite(n)) return null;
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

@WorkflowActionProvider()
export class CreateTaskAction implements WorkflowAction {
  readonly description = {
    key: 'create_task',
    label: 'Create task',
    description: 'Creates a task tied to the record.',
    params: [
      { name: 'assignee', label: 'Assignee', type: 'text' as const, required: true, help: 'owner, approver, approvers (one task each), or a user id' },
      { name: 'title', label: 'Title', type: 'template' as const, required: true },
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
    const result = (await this.commands.execute(
      new CreateTaskCommand({
        title: ctx.render(params['title']) || 'Task',
        notes: ctx.render(params['notes'] ?? ''),
        assigneeId,
        relatedType: ctx.run.recordType,
        relatedId: ctx.run.recordId,
        dueOn: daysFromNow(params['dueInDays']),
        priority: (TASK_PRIORITIES as readonly string[]).includes(String(params['priority'])) ? (params['priority'] as TaskPriority) : 'medium',
        createdBy: { type: 'workflow', id: ctx.run.workflowId },
        // `wf-task:<taskKey>:<recordId>:` lets "Complete tasks" find it; the step's key makes it once.
        sourceKey: `wf-task:${taskKey}:${ctx.run.recordId}:${ctx.sourceKey}${keySuffix}`,
      }),
    )) as { id: string; created: boolean };
    return result.id;
  }
}

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
    const completed = (await this.commands.execute(
      new CompleteRecordTasksCommand(ctx.run.recordType, ctx.run.recordId, `wf-task:${String(params['taskKey'] ?? 'task')}:${ctx.run.recordId}:`, null),
    )) as number;
    return { output: { completed } };
  }
}

@WorkflowActionProvider()
export class SetPropertyAction implements WorkflowAction {
  readonly description = {
    key: 'set_property',
    label: 'Set property value',
    description: 'Sets a property of the record (kept with its history).',
    params: [
      { name: 'property', label: 'Property', type: 'text' as const, required: true },
      { name: 'value', label: 'Value', type: 'template' as const, required: true, help: 'Text; an empty value clears the property' },
    ],
  };

  constructor(private readonly properties: PropertyStore) {}

  async execute(params: Record<string, unknown>, ctx: ActionContext): Promise<ActionResult> {
    const property = String(params['property'] ?? '').trim();
    if (!/^[a-z][a-z0-9_]{0,59}$/.test(property)) throw new ActionFailure(`property: "${property}" is not a property name (a-z, 0-9, _)`);
    const value = ctx.render(params['value'] ?? '');
    const changed = await this.properties.set(ctx.run.recordType, ctx.run.recordId, property, value === '' ? null : value, `workflow:${ctx.run.workflowId}`, ctx.run.id);
    return { output: { property, value, changed } };
  }
}

@WorkflowActionProvider()
export class SendNotificationAction implements WorkflowAction {
  readonly description = {
    key: 'send_notification',
    label: 'Send notification',
    description: 'Notifies a user in the app (and by e-mail when configured).',
    params: [
      { name: 'recipient', label: 'Recipient', type: 'text' as const, required: true, help: 'owner, approver, or a user id' },
      { name: 'title', label: 'Title', type: 'template' as const, required: true },
      { name: 'body', label: 'Message', type: 'template' as const, required: false },
    ],
  };

  constructor(private readonly commands: CommandBus) {}

  async execute(params: Record<string, unknown>, ctx: ActionContext): Promise<ActionResult> {
    const result = (await this.commands.execute(
      new SendNotificationCommand({
        recipientUserId: resolveUser(params['recipient'], ctx, 'recipient'),
        title: ctx.render(params['title']) || 'Notification',
        body: ctx.render(params['body'] ?? ''),
        link: ctx.run.recordType === 'quote' ? `/quotes/${ctx.run.recordId}` : null,
        sourceKey: ctx.sourceKey,
      }),
    )) as { id: string };
    return { output: { notificationId: result.id } };
  }
}

@WorkflowActionProvider()
export class UpdateDealStageAction implements WorkflowAction {
  readonly description = {
    key: 'update_deal_stage',
    label: 'Update deal stage',
    description: "Moves the record's deal to a pipeline stage.",
    params: [{ name: 'stage', label: 'Stage', type: 'select' as const, required: true, options: [...DEAL_STAGES] }],
  };

  constructor(private readonly commands: CommandBus) {}

  async execute(params: Record<string, unknown>, ctx: ActionContext): Promise<ActionResult> {
    const stage = String(params['stage']);
    if (!(DEAL_STAGES as readonly string[]).includes(stage)) throw new ActionFailure(`stage: ${stage} is not a pipeline stage`);
    const dealId = ctx.record['dealId'];
    if (typeof dealId !== 'string' || !dealId) return { output: { skipped: 'the record has no deal' } };
    await this.commands.execute(new ChangeDealStageCommand(dealId, stage as DealStage));
    return { output: { dealId, stage } };
  }
}

@WorkflowActionProvider()
export class SendWebhookAction implements WorkflowAction {
  readonly description = {
    key: 'send_webhook',
    label: 'Send webhook',
    description:
      'POSTs the record and event as JSON, signed with HMAC-SHA256 (header X-QA-Signature: sha256=<hex>) with a secret the server generates and shows once; retried on failure. ' +
      'Reaches public addresses only (unless WEBHOOK_ALLOWED_NETWORKS allows a network); redirects are not followed.',
    params: [
      { name: 'url', label: 'URL', type: 'url' as const, required: true },
      { name: 'timeoutMs', label: 'Timeout (ms)', type: 'number' as const, required: false },
    ],
  };

  private readonly policy: WebhookAddressPolicy;

  constructor(@Optional() settings?: WebhookSettings) {
    this.policy = new WebhookAddressPolicy(settings?.allowedNetworks ?? []);
  }

  async execute(params: Record<string, unknown>, ctx: ActionContext): Promise<ActionResult> {
    const url = String(params['url'] ?? '');
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      throw new ActionFailure(`url: "${url}" is not an http(s) URL`);
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new ActionFailure(`url: "${url}" is not an http(s) URL`);
    const secret = params['secret'];
    if (typeof secret !== 'string' || secret.length < 32) throw new ActionFailure('WEBHOOK.NO_SECRET: the webhook has no signing secret; rotate its secret in the workflow editor');
    const body = JSON.stringify({ deliveryId: ctx.sourceKey, workflowId: ctx.run.workflowId, runId: ctx.run.id, record: ctx.record, event: ctx.templateContext['event'] });
    const signature = createHmac('sha256', secret).update(body).digest('hex');
    const timeoutMs = Math.min(Math.max(Number(params['timeoutMs']) || 5_000, 100), 30_000);
    // An address in the URL itself is checked here; a name is checked as it resolves (lookup).
    const literal = target.hostname.replace(/^\[|\]$/g, '');
    let status: number;
    try {
      if (isIP(literal)) this.policy.check(literal);
      status = await this.post(target, body, { 'content-type': 'application/json', 'x-qa-signature': `sha256=${signature}`, 'x-qa-delivery': ctx.sourceKey }, timeoutMs);
    } catch (error) {
      if (error instanceof WebhookAddressRefused) throw new ActionFailure(`POST ${url} refused: ${error.message}`);
      throw new ActionFailure(`POST ${url} failed: ${error instanceof Error ? error.message : error}`);
    }
    if (status >= 300 && status < 400) throw new ActionFailure(`WEBHOOK.REDIRECT_NOT_FOLLOWED: POST ${url} answered ${status}; webhooks do not follow redirects`);
    if (status < 200 || status >= 300) throw new ActionFailure(`POST ${url} answered ${status} ${STATUS_CODES[status] ?? ''}`.trimEnd());
    return { output: { status } };
  }

  /** One POST, no redirects, connecting only where the policy allows; the answer's status. */
  private post(target: URL, body: string, headers: Record<string, string>, timeoutMs: number): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(
        target,
        { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup: this.policy.lookup() as never, agent: false, signal: AbortSignal.timeout(timeoutMs) },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('error', reject);
        },
      );
      request.on('socket', (socket) => this.policy.guardSocket(socket));
      request.on('error', reject);
      request.end(body);
    });
  }
}

@WorkflowActionProvider()
export class WaitAction implements WorkflowAction {
  readonly description = {
    key: 'wait',
    label: 'Wait',
    description: 'Waits before the next action (a delayed job; survives restarts).',
    params: [
      { name: 'minutes', label: 'Minutes', type: 'number' as const, required: false },
      { name: 'seconds', label: 'Seconds', type: 'number' as const, required: false },
    ],
  };

  async execute(params: Record<string, unknown>): Promise<ActionResult> {
    const ms = (Number(params['minutes']) || 0) * 60_000 + (Number(params['seconds']) || 0) * 1_000;
    if (ms <= 0) throw new ActionFailure('minutes or seconds: a wait needs a positive duration');
    return { resumeAt: new Date(Date.now() + ms), output: { waitedMs: ms } };
  }
}

export const builtInActions = [CreateTaskAction, CompleteTasksAction, SetPropertyAction, SendNotificationAction, UpdateDealStageAction, SendWebhookAction, WaitAction];
