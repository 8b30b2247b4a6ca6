import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApprovalRoundSource } from '../../ports/approval-analytics.ports';
import { ApprovalFactsProjector } from '../../shared/approval-facts-projector';
import { RebuildApprovalFactsCommand } from './rebuild-approval-facts.command';

@CommandHandler(RebuildApprovalFactsCommand)
export class RebuildApprovalFactsHandler implements ICommandHandler<RebuildApprovalFactsCommand> {
  constructor(
    private readonly source: ApprovalRoundSource,
    private readonly projector: ApprovalFactsProjector,
  ) {}

  async execute({ batchSize }: RebuildApprovalFactsCommand): Promise<{ quotes: number; rounds: number }> {
    let after: string | null = null;
    let quotes = 0;
    let rounds = 0;
    for (;;) {
      const ids = await this.source.quoteIdsAfter(after, batchSize);
      if (ids.length === 0) return { quotes, rounds };
      rounds += await this.projector.project(ids);
      quotes += ids.length;
      after = ids[ids.length - 1];
    }
  }
}
