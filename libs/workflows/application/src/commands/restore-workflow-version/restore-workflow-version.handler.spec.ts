import type { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ManualClock } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { ListWorkflowVersionsHandler } from '../../queries/list-workflow-versions/list-workflow-versions.handler';
import { ListWorkflowVersionsQuery } from '../../queries/list-workflow-versions/list-workflow-versions.query';
import { CompareWorkflowVersionsHandler } from '../../queries/compare-workflow-versions/compare-workflow-versions.handler';
import { CompareWorkflowVersionsQuery } from '../../queries/compare-workflow-versions/compare-workflow-versions.query';
import { fakeAction, MemoryWorkflows, MemoryWorkflowVersions, registryOf } from '../../testing/in-memory-workflows';
import { CreateWorkflowCommand } from '../create-workflow/create-workflow.command';
import { CreateWorkflowHandler } from '../create-workflow/create-workflow.handler';
import { UpdateWorkflowCommand } from '../update-workflow/update-workflow.command';
import { UpdateWorkflowHandler } from '../update-workflow/update-workflow.handler';
import { RestoreWorkflowVersionCommand } from './restore-workflow-version.command';
import { RestoreWorkflowVersionHandler } from './restore-workflow-version.handler';

describe('workflow versions: written by every save, compared, restored as a new version', () => {
  const registry = registryOf(fakeAction('create_task'), fakeAction('send_notification'), fakeAction('send_webhook'));
  const spec = {
    name: 'Tell the owner',
    enabled: true,
    objectType: 'quote',
    trigger: { type: 'status_becomes' as const, status: 'approved' },
    conditions: [],
    reenrollment: 'always' as const,
    actions: [{ key: 'send_webhook', params: { url: 'https://hooks.example.com/a' } }],
    setKey: null,
  };

  async function threeVersions() {
    const workflows = new MemoryWorkflows();
    const versions = new MemoryWorkflowVersions(workflows);
    const clock = new ManualClock('2026-12-03T09:00:00Z');
    const update = new UpdateWorkflowHandler(workflows, registry, clock);
    const bus = { execute: (command: UpdateWorkflowCommand) => update.execute(command) } as unknown as CommandBus;
    const { workflow, issuedSecrets } = await new CreateWorkflowHandler(workflows, registry, clock).execute(new CreateWorkflowCommand(spec, 'admin-1', 'First'));
    const secretId = issuedSecrets[0]!.secretId;
    clock.set('2026-12-03T10:00:00Z');
    await update.execute(new UpdateWorkflowCommand(workflow.id, 1, { ...spec, name: 'Tell them', actions: [{ key: 'send_webhook', params: { url: 'https://hooks.example.com/b', secretId } }] }, 'admin-2', 'Second'));
    await update.execute(new UpdateWorkflowCommand(workflow.id, 2, { ...spec, enabled: false, actions: [{ key: 'create_task', params: { title: 'x' } }] }, 'admin-1'));
    return { workflows, versions, workflow, clock, secretId, restore: new RestoreWorkflowVersionHandler(workflows, versions, bus) };
  }

  it('keeps each save with its author, time, note, and never a signing secret', async () => {
    const { workflows, workflow } = await threeVersions();
    expect(workflows.versions.map((v) => [v.workflowId, v.version, v.authorId, v.createdAt.toISOString(), v.note, v.restoredFrom])).toEqual([
      [workflow.id, 1, 'admin-1', '2026-12-03T09:00:00.000Z', 'First', null],
      [workflow.id, 2, 'admin-2', '2026-12-03T10:00:00.000Z', 'Second', null],
      [workflow.id, 3, 'admin-1', '2026-12-03T10:00:00.000Z', null, null],
    ]);
    expect(JSON.stringify(workflows.versions)).not.toContain('whsec_');
  });

  it('lists newest first with names, and compares two versions', async () => {
    const { versions, workflows, workflow } = await threeVersions();
    const queries = { execute: async () => [{ id: 'admin-1', name: 'Ada Admin' }] } as unknown as QueryBus;
    const page = await new ListWorkflowVersionsHandler(workflows, versions, queries).execute(new ListWorkflowVersionsQuery(workflow.id, null, 2));
    expect([page.items.map((i) => [i.version.version, i.authorName]), page.nextBefore]).toEqual([[[3, 'Ada Admin'], [2, null]], 2]);
    const { differences } = await new CompareWorkflowVersionsHandler(versions).execute(new CompareWorkflowVersionsQuery(workflow.id, 1, 3));
    expect(differences.map((d) => [d.code, d.path, d.actionKey])).toEqual([
      ['field-changed', 'enabled', null],
      ['action-changed', 'actions.0', 'create_task'],
    ]);
  });

  it('restores an old definition as a new version; a webhook action keeps the secret it still has', async () => {
    const { workflows, workflow, restore } = await threeVersions();
    await restore.execute(new RestoreWorkflowVersionCommand(workflow.id, 2, 3, 'admin-1', 'Back'));
    // Version 3 dropped the webhook: its secret is gone, so the restored one gets a new one.
    expect([workflow.version, workflow.name, workflow.enabled, workflow.actions[0]!.params['url']]).toEqual([4, 'Tell them', true, 'https://hooks.example.com/b']);
    expect(workflows.versions.at(-1)).toMatchObject({ version: 4, authorId: 'admin-1', note: 'Back', restoredFrom: 2 });
    const [second, restored] = [workflows.versions[1]!.snapshot, workflows.versions.at(-1)!.snapshot];
    expect({ ...restored, actions: restored.actions.map((a) => a.key) }).toEqual({ ...second, actions: second.actions.map((a) => a.key) });
    expect(restored.actions[0]!.params['url']).toBe('https://hooks.example.com/b');
    await expect(restore.execute(new RestoreWorkflowVersionCommand(workflow.id, 1, 3, 'admin-1'))).rejects.toMatchObject({ code: 'WORKFLOWS.STALE_VERSION' });
    await expect(restore.execute(new RestoreWorkflowVersionCommand(workflow.id, 9, 4, 'admin-1'))).rejects.toMatchObject({ code: 'WORKFLOWS.VERSION_NOT_FOUND', details: { version: 9 } });
  });
});
