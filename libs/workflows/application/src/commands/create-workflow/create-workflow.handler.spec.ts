import { ManualClock } from '@qa/shared-kernel';
import type { WorkflowSpec } from '@qa/workflows-domain';
import { describe, expect, it } from 'vitest';
import { fakeAction, MemoryWorkflows, registryOf } from '../../testing/in-memory-workflows';
import { CreateWorkflowCommand } from './create-workflow.command';
import { CreateWorkflowHandler } from './create-workflow.handler';

describe('CreateWorkflowHandler', () => {
  const spec = (actions: WorkflowSpec['actions']): WorkflowSpec => ({
    name: ' Follow up ',
    enabled: true,
    objectType: 'quote',
    trigger: { type: 'status_becomes', status: 'published' },
    conditions: [],
    reenrollment: 'always',
    actions,
    setKey: null,
  });
  const registry = () => registryOf(fakeAction('create_task'), { ...fakeAction('send_webhook'), description: { key: 'send_webhook', label: 'Webhook', description: '', params: [{ name: 'url', label: 'URL', type: 'url', required: true }] } });

  it('saves the workflow and gives each webhook action a signing secret, returned once', async () => {
    const workflows = new MemoryWorkflows();
    const { workflow, issuedSecrets } = await new CreateWorkflowHandler(workflows, registry(), new ManualClock('2026-12-03T09:00:00Z')).execute(
      new CreateWorkflowCommand(spec([{ key: 'create_task', params: {} }, { key: 'send_webhook', params: { url: 'https://hooks.example.com/q' } }])),
    );
    expect(workflows.workflows.get(workflow.id)).toBe(workflow);
    expect(workflow.name).toBe('Follow up');
    expect(issuedSecrets).toEqual([{ actionIndex: 1, secretId: expect.any(String), secret: expect.stringMatching(/^whsec_/) }]);
    expect(workflow.actions[1]!.params).toEqual({ url: 'https://hooks.example.com/q', secretId: issuedSecrets[0]!.secretId, secret: issuedSecrets[0]!.secret });
    expect(workflow.pullEvents().map((e) => e.name)).toEqual(['workflows.workflow.created.v1']);
  });

  it('refuses params an action does not accept, and unknown actions, saving nothing', async () => {
    const workflows = new MemoryWorkflows();
    const handler = new CreateWorkflowHandler(workflows, registry(), new ManualClock('2026-12-03T09:00:00Z'));
    await expect(handler.execute(new CreateWorkflowCommand(spec([{ key: 'send_webhook', params: { url: 'ftp://x' } }])))).rejects.toMatchObject({
      code: 'WORKFLOWS.INVALID_DEFINITION',
      details: { fields: [{ field: 'actions.0.params.url', reason: 'must be an http(s) URL' }] },
    });
    await expect(handler.execute(new CreateWorkflowCommand(spec([{ key: 'launch_rocket', params: {} }])))).rejects.toMatchObject({ code: 'WORKFLOWS.INVALID_DEFINITION' });
    expect(workflows.workflows.size).toBe(0);
  });
});
