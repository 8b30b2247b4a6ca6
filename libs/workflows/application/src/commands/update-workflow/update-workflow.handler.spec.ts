import { ManualClock } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { fakeAction, MemoryWorkflows, quoteWorkflow, registryOf } from '../../testing/in-memory-workflows';
import { UpdateWorkflowCommand } from './update-workflow.command';
import { UpdateWorkflowHandler } from './update-workflow.handler';

describe('UpdateWorkflowHandler', () => {
  const registry = registryOf(fakeAction('create_task'), fakeAction('set_property'), fakeAction('send_webhook'));

  it('changes the workflow at the version the admin saw, keeping a webhook action its secret', async () => {
    const workflows = new MemoryWorkflows();
    const workflow = quoteWorkflow({ actions: [{ key: 'send_webhook', params: { url: 'https://a.example.com', secretId: 'k1', secret: 'whsec_kept' } }] }, ['send_webhook']);
    await workflows.save(workflow);
    const { workflow: saved, issuedSecrets } = await new UpdateWorkflowHandler(workflows, registry, new ManualClock('2026-12-03T09:00:00Z')).execute(
      new UpdateWorkflowCommand(workflow.id, 1, { ...workflow, enabled: false, actions: [{ key: 'set_property', params: {} }, { key: 'send_webhook', params: { url: 'https://b.example.com', secretId: 'k1' } }] }),
    );
    expect(saved).toBe(workflow);
    expect([saved.enabled, saved.version, issuedSecrets]).toEqual([false, 2, []]);
    expect(saved.actions[1]!.params).toEqual({ url: 'https://b.example.com', secretId: 'k1', secret: 'whsec_kept' });
  });

  it('refuses a stale version and an unknown workflow', async () => {
    const workflows = new MemoryWorkflows();
    const workflow = quoteWorkflow();
    await workflows.save(workflow);
    await workflows.save(workflow);
    const handler = new UpdateWorkflowHandler(workflows, registry, new ManualClock('2026-12-03T09:00:00Z'));
    await expect(handler.execute(new UpdateWorkflowCommand(workflow.id, 1, { ...workflow, name: 'Stale' }))).rejects.toMatchObject({ code: 'WORKFLOWS.STALE_VERSION', details: { expectedVersion: 1, currentVersion: 2 } });
    await expect(handler.execute(new UpdateWorkflowCommand('nope', 1, { ...workflow }))).rejects.toMatchObject({ code: 'WORKFLOWS.NOT_FOUND' });
    expect(workflow.name).toBe('When quotes need approval');
  });
});
