import { describe, expect, it } from 'vitest';
import { fakeAction, MemoryWorkflows, quoteWorkflow, registryOf } from '../../testing/in-memory-workflows';
import { RotateWebhookSecretCommand } from './rotate-webhook-secret.command';
import { RotateWebhookSecretHandler } from './rotate-webhook-secret.handler';

describe('RotateWebhookSecretHandler', () => {
  const setup = async () => {
    const workflows = new MemoryWorkflows();
    const webhook = { key: 'send_webhook', params: { url: 'https://a.example.com', secretId: 'k1', secret: 'whsec_old' } };
    const workflow = quoteWorkflow({ actions: [webhook, { ...webhook }] }, ['send_webhook']);
    await workflows.save(workflow);
    return { workflows, workflow, handler: new RotateWebhookSecretHandler(workflows, registryOf(fakeAction('send_webhook'))) };
  };

  it('gives every action signing with the secret one new secret, shown once', async () => {
    const { workflow, handler } = await setup();
    const { issuedSecrets } = await handler.execute(new RotateWebhookSecretCommand(workflow.id, 'k1', 1));
    expect(issuedSecrets).toEqual([{ actionIndex: 0, secretId: 'k1', secret: expect.stringMatching(/^whsec_/) }]);
    expect(workflow.actions.map((a) => a.params['secret'])).toEqual([issuedSecrets[0]!.secret, issuedSecrets[0]!.secret]);
    expect(workflow.version).toBe(2);
  });

  it('refuses a secret the workflow does not have, and a stale version', async () => {
    const { workflow, handler } = await setup();
    await expect(handler.execute(new RotateWebhookSecretCommand(workflow.id, 'k2'))).rejects.toMatchObject({ code: 'WORKFLOWS.SECRET_NOT_FOUND', details: { id: workflow.id, secretId: 'k2' } });
    await expect(handler.execute(new RotateWebhookSecretCommand(workflow.id, 'k1', 7))).rejects.toMatchObject({ code: 'WORKFLOWS.STALE_VERSION' });
    expect(workflow.actions[0]!.params['secret']).toBe('whsec_old');
  });
});
