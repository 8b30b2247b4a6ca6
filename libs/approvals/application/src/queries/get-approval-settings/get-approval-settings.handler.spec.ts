import { describe, expect, it } from 'vitest';
import { SaveApprovalSettingsCommand } from '../../commands/save-approval-settings/save-approval-settings.command';
import { SaveApprovalSettingsHandler } from '../../commands/save-approval-settings/save-approval-settings.handler';
import { approvalsWorld, caller } from '../../testing/in-memory-approvals';
import { GetApprovalSettingsHandler } from './get-approval-settings.handler';

describe('GetApprovalSettingsHandler', () => {
  it('answers the initial settings before the first save, the saved ones after', async () => {
    const world = approvalsWorld();
    const handler = new GetApprovalSettingsHandler(world.settings);
    expect(await handler.execute()).toMatchObject({ id: 'default', requireApproval: false, defaultApproverId: null, rules: [] });
    await new SaveApprovalSettingsHandler(world.settings, world.bus.queries, world.clock).execute(
      new SaveApprovalSettingsCommand(caller('admin-1', 'admin'), { requireApproval: true, defaultApproverId: 'manager-1', rules: [] }, undefined),
    );
    expect(await handler.execute()).toMatchObject({ requireApproval: true, defaultApproverId: 'manager-1', updatedBy: 'admin-1', version: 1 });
  });
});
