import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CrmRepository, Deal } from '@qa/crm-domain';
import { requireVisibleCompany } from '../../shared/visible-crm-records';
import { CreateDealCommand } from './create-deal.command';

@CommandHandler(CreateDealCommand)
export class CreateDealHandler implements ICommandHandler<CreateDealCommand> {
  constructor(private readonly crm: CrmRepository) {}

  async execute({ props, viewer }: CreateDealCommand): Promise<Deal> {
    if (props.companyId) await requireVisibleCompany(this.crm, props.companyId, 'companyId', viewer);
    const deal = Deal.create(props);
    await this.crm.save(deal);
    return deal;
  }
}
