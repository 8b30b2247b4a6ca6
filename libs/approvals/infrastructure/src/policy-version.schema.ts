import { EntitySchema } from '@mikro-orm/core';
import { PolicyVersion } from '@qa/approvals-domain';

/** The approval policy's versions: one row per save of the settings, written in its transaction, never updated or deleted. */
export const PolicyVersionSchema = new EntitySchema<PolicyVersion>({
  class: PolicyVersion,
  tableName: 'approvals_policy_version',
  properties: {
    // The settings' version after the save: unique, numbers the policy (rounds record it).
    version: { type: 'integer', primary: true, autoincrement: false },
    snapshot: { type: 'json' },
    authorId: { type: 'string', length: 36, nullable: true },
    createdAt: { type: 'datetime' },
    note: { type: 'string', length: 500, nullable: true },
    restoredFrom: { type: 'integer', nullable: true },
  },
});
