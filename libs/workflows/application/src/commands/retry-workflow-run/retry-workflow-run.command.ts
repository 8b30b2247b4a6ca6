import { Command } from '@nestjs/cqrs';

/** An admin retries a failed run from its failed step. */
export class RetryWorkflowRunCommand extends Command<void> {
  constructor(readonly runId: string) {
    super();
  }
}
