import { PolicyDryRun } from '@qa/approvals-domain';
import { describe, expect, it } from 'vitest';
import { caller } from '../../testing/in-memory-approvals';
import { MemoryDryRuns } from '../../testing/in-memory-dry-runs';
import { GetPolicyDryRunHandler } from './get-policy-dry-run.handler';
import { GetPolicyDryRunQuery } from './get-policy-dry-run.query';

describe('GetPolicyDryRunHandler', () => {
  it('shows a run to its requester and admins; to anyone else it does not exist', async () => {
    const runs = new MemoryDryRuns();
    const run = PolicyDryRun.queue({ requestedBy: 'admin-1', policy: { requireApproval: false, defaultApproverId: null, rules: [] }, limit: 10, total: 3, now: new Date('2026-12-03T09:00:00Z') });
    await runs.add(run);
    const handler = new GetPolicyDryRunHandler(runs);
    expect(await handler.execute(new GetPolicyDryRunQuery(caller('admin-1', 'admin'), run.id))).toMatchObject({ id: run.id, state: 'queued', total: 3 });
    expect(await handler.execute(new GetPolicyDryRunQuery(caller('admin-2', 'admin'), run.id))).toMatchObject({ id: run.id });
    await expect(handler.execute(new GetPolicyDryRunQuery(caller('manager-1', 'manager'), run.id))).rejects.toMatchObject({ code: 'APPROVALS.DRY_RUN_NOT_FOUND' });
    await expect(handler.execute(new GetPolicyDryRunQuery(caller('admin-1', 'admin'), 'nope'))).rejects.toMatchObject({ code: 'APPROVALS.DRY_RUN_NOT_FOUND' });
  });
});
