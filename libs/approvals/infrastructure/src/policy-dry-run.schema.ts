import { EntitySchema } from '@mikro-orm/core';
import { PolicyDryRun } from '@qa/approvals-domain';

/** Dry runs of a draft approval policy: the policy, progress and, when finished, the report. */
export const PolicyDryRunSchema = new EntitySchema<PolicyDryRun>({
  class: PolicyDryRun,
  tableName: 'approvals_dry_run',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    requestedBy: { type: 'string', length: 36 },
    createdAt: { type: 'datetime' },
    state: { type: 'string', length: 10 },
    // Null: every submitted quote.
    limit: { type: 'integer', nullable: true, fieldName: 'limit_n' },
    policy: { type: 'json' },
    processed: { type: 'integer' },
    total: { type: 'integer' },
    result: { type: 'json', nullable: true },
    finishedAt: { type: 'datetime', nullable: true },
  },
});
