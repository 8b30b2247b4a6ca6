import { describe, expect, it } from 'vitest';
import { SaveApprovalSettingsCommand } from '../../commands/save-approval-settings/save-approval-settings.command';
import { SaveApprovalSettingsHandler } from '../../commands/save-approval-settings/save-approval-settings.handler';
import { approvalsWorld, caller } from '../../testing/in-memory-approvals';
import { ComparePolicyVersionsHandler } from '../compare-policy-versions/compare-policy-versions.handler';
import { ComparePolicyVersionsQuery } from '../compare-policy-versions/compare-policy-versions.query';
import { GetPolicyVersionHandler } from '../get-policy-version/get-policy-version.handler';
import { GetPolicyVersionQuery } from '../get-policy-version/get-policy-version.query';
import { ListPolicyVersionsHandler } from './list-policy-versions.handler';
import { ListPolicyVersionsQuery } from './list-policy-versions.query';

async function threeVersions() {
  const world = approvalsWorld();
  const save = new SaveApprovalSettingsHandler(world.settings, world.bus.queries, world.clock);
  for (const [i, requireApproval] of [true, false, true].entries()) {
    await save.execute(new SaveApprovalSettingsCommand(caller(i === 1 ? 'manager-1' : 'admin-1', 'admin'), { requireApproval, defaultApproverId: 'manager-1', rules: [] }, i || undefined, `Save ${i + 1}`));
  }
  return world;
}

describe('the policy versions queries', () => {
  it('list newest first a page at a time, with the authors identity knows', async () => {
    const world = await threeVersions();
    const list = new ListPolicyVersionsHandler(world.policyVersions, world.bus.queries);
    const first = await list.execute(new ListPolicyVersionsQuery(null, 2));
    expect(first.items.map((i) => [i.version.version, i.version.note, i.authorName])).toEqual([
      [3, 'Save 3', 'User admin-1'],
      [2, 'Save 2', 'User manager-1'],
    ]);
    expect(first.nextBefore).toBe(2);
    const second = await list.execute(new ListPolicyVersionsQuery(first.nextBefore, 2));
    expect(second).toMatchObject({ items: [{ version: { version: 1 }, authorName: 'User admin-1' }], nextBefore: null });
  });

  it('get one version, compare two, and answer 404 for a version that does not exist', async () => {
    const world = await threeVersions();
    expect(await new GetPolicyVersionHandler(world.policyVersions).execute(new GetPolicyVersionQuery(2))).toMatchObject({ version: 2, snapshot: { requireApproval: false } });
    const compare = new ComparePolicyVersionsHandler(world.policyVersions);
    expect((await compare.execute(new ComparePolicyVersionsQuery(1, 2))).differences).toMatchObject([{ code: 'setting-changed', path: 'requireApproval', from: true, to: false }]);
    expect((await compare.execute(new ComparePolicyVersionsQuery(1, 3))).differences).toEqual([]);
    await expect(compare.execute(new ComparePolicyVersionsQuery(1, 4))).rejects.toMatchObject({ code: 'APPROVALS.POLICY_VERSION_NOT_FOUND', details: { version: 4 } });
  });
});
