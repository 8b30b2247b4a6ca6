import { Command } from '@nestjs/cqrs';

/** Projects every quote's approval rounds into the analytics facts again (the backfill); answers how many. */
export class RebuildApprovalFactsCommand extends Command<{ quotes: number; rounds: number }> {
  constructor(readonly batchSize = 500) {
    super();
  }
}
