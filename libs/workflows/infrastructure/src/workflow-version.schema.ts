import { EntitySchema } from '@mikro-orm/core';
import { WorkflowVersion } from '@qa/workflows-domain';

/** Workflows' versions: one row per save of a definition, written in its transaction, never updated or deleted. */
export const WorkflowVersionSchema = new EntitySchema<WorkflowVersion>({
  class: WorkflowVersion,
  tableName: 'workflows_definition_version',
  properties: {
    workflowId: { type: 'string', length: 36, primary: true },
    // The workflow's version after the save.
    version: { type: 'integer', primary: true, autoincrement: false },
    snapshot: { type: 'json' },
    authorId: { type: 'string', length: 36, nullable: true },
    createdAt: { type: 'datetime' },
    note: { type: 'string', length: 500, nullable: true },
    restoredFrom: { type: 'integer', nullable: true },
  },
});
