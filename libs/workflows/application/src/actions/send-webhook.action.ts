import { Optional } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { request as httpRequest, STATUS_CODES } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { ActionFailure } from './action-failure';
import { WebhookAddressPolicy, WebhookAddressRefused, WebhookSettings } from './webhook-address-guard';
import { WorkflowActionProvider, type ActionContext, type ActionResult, type WorkflowAction } from './workflow-action';

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
