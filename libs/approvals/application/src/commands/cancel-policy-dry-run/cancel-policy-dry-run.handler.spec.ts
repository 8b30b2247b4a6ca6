import { PolicyDryRun } from '@qa/approvals-domain';
import { ManualClock } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { caller } from '../../testing/in-memory-approvals';
import { MemoryDryRuns } from '../../testing/in-memory-dry-runs';
import { CancelPolicyDryRunHandler } from './cancel-policy-dry-run.handler';
import { CancelPolicyDryRunCommand } from './cancel-policy-dry-run.command';

describe('CancelPolicyDryRunHandler', () => {
  it('cancels an open run for its requester or an admin; a finished run stays; anyone else gets 404', async () => {
    const clock = new ManualClock('2026-12-03T09:00:00Z');
    const runs = new MemoryDryRuns();
    const run = PolicyDryRun.queue({ requestedBy: 'admin-1', policy: { requireApproval: false, defaultApproverId: null, rules: [] }, limit: null, total: 5, now: clock.now() });
    await runs.add(run);
    const handler = new CancelPolicyDryRunHandler(runs, clock);
    await expect(handler.execute(new CancelPolicyDryRunCommand(caller('manager-1', 'manager'), run.id))).rejects.toMatchObject({ code: 'APPROVALS.DRY_RUN_NOT_FOUND' });
    clock.advance(60_000);
    expect(await handler.execute(new CancelPolicyDryRunCommand(caller('admin-2', 'admin'), run.id))).toMatchObject({ state: 'cancelled', processed: 0, total: 5, finishedAt: clock.now() });
    clock.advance(60_000);
    expect((await handler.execute(new CancelPolicyDryRunCommand(caller('admin-1', 'admin'), run.id))).finishedAt).toEqual(new Date(clock.now().getTime() - 60_000));
  });
});
