import { ManualClock } from '@qa/shared-kernel';
import type { ApprovalSettingsChangedPayload } from '@qa/approvals-contracts';
import type { IntegrationEvent } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { fakeAction, MemoryWorkflows, registryOf } from '../../../testing/in-memory-workflows';
import { QUOTE_APPROVAL_WORKFLOWS, QUOTE_APPROVALS_SET_KEY } from '../../quote-approval-workflows';
import { InstallApprovalWorkflowsWhenSettingsChangedHandler } from './install-approval-workflows-when-settings-changed.handler';

describe('InstallApprovalWorkflowsWhenSettingsChangedHandler', () => {
  const registry = registryOf(...['set_property', 'create_task', 'complete_tasks', 'send_notification'].map((key) => fakeAction(key)));
  const settingsChanged = (approvalsActive: boolean) => ({ payload: { requireApproval: approvalsActive, defaultApproverId: 'u-manager', approvalsActive } }) as IntegrationEvent<ApprovalSettingsChangedPayload>;
  const installed = (workflows: MemoryWorkflows) => [...workflows.workflows.values()].map((w) => [w.name, w.enabled, w.setKey]);

  it('installs the quote approval workflows when approval is switched on, once', async () => {
    const workflows = new MemoryWorkflows();
    const handler = new InstallApprovalWorkflowsWhenSettingsChangedHandler(workflows, registry, new ManualClock('2026-12-03T09:00:00Z'));
    await handler.handle(settingsChanged(true));
    await handler.handle(settingsChanged(true));
    expect(installed(workflows)).toEqual([
      ['When quotes need approval', true, QUOTE_APPROVALS_SET_KEY],
      ['When an approval step starts', true, QUOTE_APPROVALS_SET_KEY],
      ['When changes are requested on a quote', true, QUOTE_APPROVALS_SET_KEY],
      ['When quotes are approved', true, QUOTE_APPROVALS_SET_KEY],
      ['When a quote is withdrawn from approval', true, QUOTE_APPROVALS_SET_KEY],
      ['When an approver is out of office', true, QUOTE_APPROVALS_SET_KEY],
      ['When an approval step is reassigned', true, QUOTE_APPROVALS_SET_KEY],
      ['When approvers are reminded', true, QUOTE_APPROVALS_SET_KEY],
      ['When an approval step is escalated', true, QUOTE_APPROVALS_SET_KEY],
    ]);
    expect(workflows.saves).toBe(QUOTE_APPROVAL_WORKFLOWS.length);
    // Each install is the workflow's first version, by the system, with the note code `installed`.
    expect(new Set(workflows.versions.map((v) => JSON.stringify([v.version, v.authorId, v.note, v.createdAt.toISOString()])))).toEqual(
      new Set([JSON.stringify([1, 'system', 'installed', '2026-12-03T09:00:00.000Z'])]),
    );
    expect(workflows.versions).toHaveLength(QUOTE_APPROVAL_WORKFLOWS.length);
    expect([...workflows.workflows.values()].map((w) => w.trigger)).toEqual(QUOTE_APPROVAL_WORKFLOWS.map((t) => t.trigger));
  });

  it('switches them off and on again keeping an admin’s changes, and installs nothing while off', async () => {
    const workflows = new MemoryWorkflows();
    const handler = new InstallApprovalWorkflowsWhenSettingsChangedHandler(workflows, registry, new ManualClock('2026-12-03T09:00:00Z'));
    await handler.handle(settingsChanged(false));
    expect(workflows.workflows.size).toBe(0);
    await handler.handle(settingsChanged(true));
    const [needsApproval] = [...workflows.workflows.values()];
    needsApproval!.update({ ...needsApproval!, actions: [{ key: 'set_property', params: { property: 'approval_status', value: 'Waiting' } }] }, registry.keys());
    await handler.handle(settingsChanged(false));
    expect(installed(workflows).map(([, enabled]) => enabled)).toEqual(QUOTE_APPROVAL_WORKFLOWS.map(() => false));
    await handler.handle(settingsChanged(true));
    expect(installed(workflows).map(([, enabled]) => enabled)).toEqual(QUOTE_APPROVAL_WORKFLOWS.map(() => true));
    expect(needsApproval!.actions).toEqual([{ key: 'set_property', params: { property: 'approval_status', value: 'Waiting' } }]);
  });

  it('adds a workflow of the set that an installation does not have yet', async () => {
    const workflows = new MemoryWorkflows();
    const handler = new InstallApprovalWorkflowsWhenSettingsChangedHandler(workflows, registry, new ManualClock('2026-12-03T09:00:00Z'));
    await handler.handle(settingsChanged(true));
    const withdrawn = [...workflows.workflows.values()].find((w) => w.name === 'When a quote is withdrawn from approval')!;
    workflows.workflows.delete(withdrawn.id);
    await handler.handle(settingsChanged(true));
    expect(installed(workflows).map(([name]) => name)).toContain('When a quote is withdrawn from approval');
    expect(workflows.workflows.size).toBe(QUOTE_APPROVAL_WORKFLOWS.length);
  });
});
