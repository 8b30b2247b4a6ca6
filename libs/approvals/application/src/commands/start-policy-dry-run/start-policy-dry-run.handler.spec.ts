import type { ApprovalPolicyState } from '@qa/approvals-domain';
import { CountSubmittedQuotesQuery } from '@qa/quotes-contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { approvalsWorld, caller } from '../../testing/in-memory-approvals';
import { MemoryDryRunQueue, MemoryDryRuns } from '../../testing/in-memory-dry-runs';
import { StartPolicyDryRunHandler } from './start-policy-dry-run.handler';
import { StartPolicyDryRunCommand } from './start-policy-dry-run.command';

const policy = (value: unknown): ApprovalPolicyState =>
  ({
    requireApproval: false,
    defaultApproverId: null,
    rules: [{ id: 'r', name: 'Long terms', when: [{ conditions: [{ field: 'paymentTermsDays', operator: 'gt', value }] }], route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'user', userId: 'manager-2' }] }] }], firstMatchOnly: false }],
  }) as ApprovalPolicyState;

describe('StartPolicyDryRunHandler (queue a dry run of a draft policy)', () => {
  let world: ReturnType<typeof approvalsWorld>;
  let runs: MemoryDryRuns;
  let queue: MemoryDryRunQueue;
  let handler: StartPolicyDryRunHandler;

  beforeEach(() => {
    world = approvalsWorld();
    runs = new MemoryDryRuns();
    queue = new MemoryDryRunQueue();
    world.bus.on(CountSubmittedQuotesQuery, ({ upTo }) => Math.min(upTo ?? Infinity, 7));
    handler = new StartPolicyDryRunHandler(world.settings, runs, queue, world.bus.queries, world.clock);
  });

  it('stores the checked policy as a queued run of min(N, quotes submitted) and puts it on the queue; saves no settings', async () => {
    const run = await handler.execute(new StartPolicyDryRunCommand(caller('admin-1', 'admin'), policy(30), 1000));
    expect(queue.queued).toEqual([run.id]);
    expect(await runs.findById(run.id)).toMatchObject({ requestedBy: 'admin-1', state: 'queued', limit: 1000, processed: 0, total: 7, result: null, createdAt: world.clock.now(), policy: { rules: [{ id: 'r', watchedFields: [] }], baseCurrency: 'EUR' } });
    expect((await handler.execute(new StartPolicyDryRunCommand(caller('admin-1', 'admin'), policy(30), 3))).total).toBe(3);
    expect((await handler.execute(new StartPolicyDryRunCommand(caller('admin-1', 'admin'), policy(30), null))).total).toBe(7);
    expect(world.settings.current.version).toBeUndefined();
  });

  it('refuses who may not save the policy, a policy a save would refuse, and a bad N', async () => {
    await expect(handler.execute(new StartPolicyDryRunCommand(caller('manager-1', 'manager'), policy(30), 10))).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
    await expect(handler.execute(new StartPolicyDryRunCommand(caller('admin-1', 'admin'), policy('abc'), 10))).rejects.toMatchObject({
      code: 'APPROVALS.INVALID_SETTINGS',
      details: { fields: [{ field: 'rules.0.when.0.conditions.0.value' }] },
    });
    await expect(handler.execute(new StartPolicyDryRunCommand(caller('admin-1', 'admin'), policy(30), 0))).rejects.toMatchObject({ code: 'APPROVALS.INVALID_DRY_RUN', details: { fields: [{ field: 'limit' }] } });
    await expect(handler.execute(new StartPolicyDryRunCommand(caller('admin-1', 'admin'), policy(30), 100_000_001))).rejects.toMatchObject({
      code: 'APPROVALS.INVALID_DRY_RUN',
      details: { fields: [{ field: 'limit', reason: 'must be a whole number from 1 to 100000000, or all' }] },
    });
    expect(queue.queued).toEqual([]);
  });
});
