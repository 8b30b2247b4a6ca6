import { Command } from '@nestjs/cqrs';
import type { WorkflowSpec } from '@qa/workflows-domain';
import type { SavedWorkflow } from '../create-workflow/create-workflow.command';

/**
 * An admin edits a workflow (trigger, conditions, actions, on/off), if it is still at the version
 * they saw. Webhook actions keep their secret (by `secretId`); new ones get one.
 */
export class UpdateWorkflowCommand extends Command<SavedWorkflow> {
  constructor(
    readonly id: string,
    readonly expectedVersion: number,
    readonly spec: WorkflowSpec,
    /** Who saves: the author of the version the save writes. */
    readonly authorId: string | null = null,
    /** Kept with that version (at most 500 characters). */
    readonly changeNote: string | null = null,
    /** Set by a restore: the version whose definition this is. */
    readonly restoredFrom: number | null = null,
  ) {
    super();
  }
}
