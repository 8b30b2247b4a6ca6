import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ChangeDealStageCommand } from '@qa/crm-contracts';
import { CrmErrors, CrmRepository } from '@qa/crm-domain';

/** Moves a deal to another stage (the endpoint of managers and admins; workflows through crm-contracts). */
@CommandHandler(ChangeDealStageCommand)
export class ChangeDealStageHandler implements ICommandHandler<ChangeDealStageCommand> {
  constructor(private readonly crm: CrmRepository) {}

  async execute({ dealId, stage }: ChangeDealStageCommand): Promise<void> {
    const [deal] = await this.crm.findDeals([dealId]);
    if (!deal) throw CrmErrors.notFound('deal', dealId);
    deal.changeStage(stage);
    await this.crm.save(deal);
  }
}
