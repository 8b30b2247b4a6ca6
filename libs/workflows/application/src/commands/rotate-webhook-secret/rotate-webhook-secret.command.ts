import { Command } from '@nestjs/cqrs';
import type { SavedWorkflow } from '../create-workflow/create-workflow.command';

/** Replaces the signing secret `secretId` of a workflow's webhook actions with a new one (shown once). */
export class RotateWebhookSecretCommand extends Command<SavedWorkflow> {
  constructor(
    readonly id: string,
    readonly secretId: string,
    /** The version the caller last saw, if they say. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
