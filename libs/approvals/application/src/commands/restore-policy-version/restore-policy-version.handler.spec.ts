import type { PolicyRule } from '@qa/approvals-domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { approvalsWorld, caller, user } from '../../testing/in-memory-approvals';
import { SaveApprovalSettingsCommand } from '../save-approval-settings/save-approval-settings.command';
import { SaveApprovalSettingsHandler } from '../save-approval-settings/save-approval-settings.handler';
import { RestorePolicyVersionCommand } from './restore-policy-version.command';
import { RestorePolicyVersionHandler } from './restore-policy-version.handler';

describe('RestorePolicyVersionHandler', () => {
  let world: ReturnType<typeof approvalsWorld>;
  let handler: RestorePolicyVersionHandler;
  const admin = caller('admin-1', 'admin');
  const rule: PolicyRule = {
    id: 'r1',
    name: 'Big discounts',
    when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 20 }] }],
    route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'user', userId: 'manager-2' }] }] }],
    firstMatchOnly: false,
    watchedFields: [],
  };

  beforeEach(async () => {
    world = approvalsWorld();
    handler = new RestorePolicyVersionHandler(world.settings, world.policyVersions, world.bus.queries, world.clock);
    const save = new SaveApprovalSettingsHandler(world.settings, world.bus.queries, world.clock);
    await save.execute(new SaveApprovalSettingsCommand(admin, { requireApproval: true, defaultApproverId: 'manager-1', rules: [rule], reminderCooldownHours: 12 }, undefined, 'First'));
    await save.execute(new SaveApprovalSettingsCommand(caller('admin-2', 'admin'), { requireApproval: false, defaultApproverId: null, rules: [], reminderCooldownHours: 48 }, 1, 'Second'));
    world.settings.current.pullEvents();
    world.clock.set('2026-12-04T08:00:00Z');
  });

  it("saves the old version's policy as a new version, restored from it, with the event a save has", async () => {
    const settings = await handler.execute(new RestorePolicyVersionCommand(admin, 1, 2, 'Back to the first'));
    expect(settings).toMatchObject({ version: 3, requireApproval: true, defaultApproverId: 'manager-1', rules: [rule], reminderCooldownHours: 12, updatedBy: 'admin-1' });
    expect(settings.pullEvents().map((e) => e.name)).toEqual(['approvals.settings.changed.v1']);
    const [first, , restored] = world.settings.versions;
    expect(restored).toMatchObject({ version: 3, authorId: 'admin-1', note: 'Back to the first', restoredFrom: 1, createdAt: new Date('2026-12-04T08:00:00Z') });
    expect(restored.snapshot).toEqual(first.snapshot);
  });

  it('refuses approvers of the old version who may no longer approve, as a save does, and writes nothing', async () => {
    world.users.set('manager-2', user('manager-2', 'manager', false));
    await expect(handler.execute(new RestorePolicyVersionCommand(admin, 1, 2))).rejects.toMatchObject({
      code: 'APPROVALS.INVALID_SETTINGS',
      details: { fields: [{ field: 'rules.0.route.0.groups.0.approvers.0.userId', reason: 'must be an active manager or admin' }] },
    });
    expect(world.settings.versions).toHaveLength(2);
  });

  it('refuses a stale expected version (409) and a version that does not exist (404)', async () => {
    await expect(handler.execute(new RestorePolicyVersionCommand(admin, 1, 1))).rejects.toMatchObject({ code: 'APPROVALS.STALE_SETTINGS', details: { expectedVersion: 1, currentVersion: 2 } });
    await expect(handler.execute(new RestorePolicyVersionCommand(admin, 9, 2))).rejects.toMatchObject({ code: 'APPROVALS.POLICY_VERSION_NOT_FOUND', kind: 'not-found', details: { version: 9 } });
    expect(world.settings.versions).toHaveLength(2);
  });
});
