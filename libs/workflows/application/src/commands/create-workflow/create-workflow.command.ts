import { Command } from '@nestjs/cqrs';
import type { WorkflowDefinition, WorkflowSpec } from '@qa/workflows-domain';
import type { IssuedSecret } from '../../actions/webhook-secrets';

/** A saved workflow, with the webhook signing secrets the save made (shown in this answer only). */
export interface SavedWorkflow {
  workflow: WorkflowDefinition;
  issuedSecrets: IssuedSecret[];
}

/** An admin creates a workflow; its webhook actions get signing secrets. */
export class CreateWorkflowCommand extends Command<SavedWorkflow> {
  constructor(
    readonly spec: WorkflowSpec,
    /** Who creates it: the author of its first version. */
    readonly authorId: string | null = null,
    /** Kept with the first version (at most 500 characters). */
    readonly changeNote: string | null = null,
  ) {
    super();
  }
}
