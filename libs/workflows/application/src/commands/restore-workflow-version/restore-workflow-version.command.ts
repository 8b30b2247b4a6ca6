import { Command } from '@nestjs/cqrs';
import type { SavedWorkflow } from '../create-workflow/create-workflow.command';

/** Puts an earlier version of a workflow back, saved as a new version (admins). */
export class RestoreWorkflowVersionCommand extends Command<SavedWorkflow> {
  constructor(
    readonly workflowId: string,
    readonly version: number,
    /** The workflow version the admin read (409 when stale). */
    readonly expectedVersion: number,
    readonly authorId: string,
    readonly changeNote: string | null = null,
  ) {
    super();
  }
}
