import { Command } from '@nestjs/cqrs';
import type { DryRunState } from '@qa/approvals-domain';

/**
 * The worker's side of a dry run: runs a queued run page by page (progress after each page),
 * stopping at the next page when it was cancelled. Answers the state it left the run in.
 */
export class RunPolicyDryRunCommand extends Command<DryRunState | 'missing'> {
  constructor(readonly runId: string) {
    super();
  }
}
