import type { PolicyRule } from '@qa/approvals-domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { approvalsWorld, caller, user } from '../../testing/in-memory-approvals';
import { SaveApprovalSettingsCommand } from './save-approval-settings.command';
import { SaveApprovalSettingsHandler } from './save-approval-settings.handler';

describe('SaveApprovalSettingsHandler', () => {
  let world: ReturnType<typeof approvalsWorld>;
  let handler: SaveApprovalSettingsHandler;
  const admin = caller('admin-1', 'admin');
  const rule: PolicyRule = {
    id: 'r1',
    name: 'Big discounts',
    when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 20 }] }],
    route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'user', userId: 'manager-2' }] }] }, { groups: [{ mode: 'any', approvers: [{ kind: 'manager', levels: 2 }] }] }],
    firstMatchOnly: false,
  };

  beforeEach(() => {
    world = approvalsWorld();
    handler = new SaveApprovalSettingsHandler(world.settings, world.bus.queries, world.clock);
  });

  it('saves the settings of an admin, with an event the approval workflows follow', async () => {
    const saved = await handler.execute(new SaveApprovalSettingsCommand(admin, { requireApproval: true, defaultApproverId: 'manager-1', rules: [rule] }, undefined));
    expect(saved).toMatchObject({ requireApproval: true, defaultApproverId: 'manager-1', rules: [rule], updatedBy: 'admin-1', version: 1 });
    expect(world.settings.current).toBe(saved);
    expect(saved.pullEvents().map((e) => [e.name, e.payload])).toEqual([
      ['approvals.settings.changed.v1', { requireApproval: true, defaultApproverId: 'manager-1', approvalsActive: true }],
    ]);
    // Identity was asked about every approver named, once.
    expect(world.bus.sent).toEqual([expect.objectContaining({ ids: ['manager-1', 'manager-2'] })]);
  });

  it('refuses approvers who are not active managers or admins now', async () => {
    world.users.set('manager-2', user('manager-2', 'manager', false));
    await expect(handler.execute(new SaveApprovalSettingsCommand(admin, { requireApproval: false, defaultApproverId: 'rep-1', rules: [] }, undefined))).rejects.toMatchObject({
      code: 'APPROVALS.INVALID_SETTINGS',
      details: { fields: [{ field: 'defaultApproverId', reason: 'must be an active manager or admin' }] },
    });
    await expect(handler.execute(new SaveApprovalSettingsCommand(admin, { requireApproval: false, defaultApproverId: null, rules: [rule] }, undefined))).rejects.toMatchObject({
      code: 'APPROVALS.INVALID_SETTINGS',
      details: { fields: [{ field: 'rules.0.route.0.groups.0.approvers.0.userId', reason: 'must be an active manager or admin' }] },
    });
    expect(world.settings.current.version).toBeUndefined();
  });

  it('refuses a condition value of the wrong type with the field and reason, and saves nothing', async () => {
    const abc = { ...rule, when: [{ conditions: [{ field: 'effectiveDiscountPercent' as const, operator: 'gt' as const, value: 'abc' }] }] };
    await expect(handler.execute(new SaveApprovalSettingsCommand(admin, { requireApproval: false, defaultApproverId: null, rules: [abc] }, undefined))).rejects.toMatchObject({
      code: 'APPROVALS.INVALID_SETTINGS',
      details: { fields: [{ field: 'rules.0.when.0.conditions.0.value', reason: 'must be a number from 0 to 100' }] },
    });
    expect(world.settings.current.version).toBeUndefined();
  });

  it('refuses to save over settings changed since they were read', async () => {
    await handler.execute(new SaveApprovalSettingsCommand(admin, { requireApproval: false, defaultApproverId: 'manager-1', rules: [] }, undefined));
    await handler.execute(new SaveApprovalSettingsCommand(admin, { requireApproval: true, defaultApproverId: 'manager-1', rules: [] }, 1));
    await expect(handler.execute(new SaveApprovalSettingsCommand(admin, { requireApproval: false, defaultApproverId: null, rules: [] }, 1))).rejects.toMatchObject({
      code: 'APPROVALS.STALE_SETTINGS',
      details: { expectedVersion: 1, currentVersion: 2 },
    });
    expect(world.settings.current).toMatchObject({ requireApproval: true, version: 2 });
  });

  it('writes a version of the policy with every save: author, time from the clock, note, the snapshot', async () => {
    await handler.execute(new SaveApprovalSettingsCommand(admin, { requireApproval: false, defaultApproverId: 'manager-1', rules: [] }, undefined, '  First policy  '));
    world.clock.set('2026-12-03T10:30:00Z');
    await handler.execute(new SaveApprovalSettingsCommand(admin, { requireApproval: true, defaultApproverId: 'manager-1', rules: [rule], reminderCooldownHours: 8 }, 1));
    expect(world.settings.versions.map((v) => [v.version, v.authorId, v.createdAt.toISOString(), v.note, v.restoredFrom])).toEqual([
      [1, 'admin-1', '2026-12-03T09:00:00.000Z', 'First policy', null],
      [2, 'admin-1', '2026-12-03T10:30:00.000Z', null, null],
    ]);
    expect(world.settings.versions[1].snapshot).toEqual({
      requireApproval: true,
      defaultApproverId: 'manager-1',
      // As the save normalised it (no watch list: an empty one).
      rules: [{ ...rule, watchedFields: [] }],
      baseCurrency: 'EUR',
      exchangeRates: {},
      businessHours: world.settings.current.businessHours,
      reminderCooldownHours: 8,
    });
    // A snapshot is a copy: later changes to the settings do not reach it.
    world.settings.current.rules[0].name = 'Renamed';
    expect(world.settings.versions[1].snapshot.rules[0].name).toBe('Big discounts');
  });

  it('refuses a change note over 500 characters, naming changeNote, and writes no version', async () => {
    await expect(handler.execute(new SaveApprovalSettingsCommand(admin, { requireApproval: false, defaultApproverId: null, rules: [] }, undefined, 'x'.repeat(501)))).rejects.toMatchObject({
      code: 'APPROVALS.INVALID_SETTINGS',
      details: { fields: [{ field: 'changeNote', reason: 'must be at most 500 characters' }] },
    });
    expect(world.settings.versions).toEqual([]);
  });
});
