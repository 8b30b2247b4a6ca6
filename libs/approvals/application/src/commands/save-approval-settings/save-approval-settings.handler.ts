import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { namedApprovers, type ApprovalSettings } from '@qa/approvals-domain';
import { approversAmong } from '../../shared/approval-lookups';
import { ApprovalSettingsRepository } from '../../ports/approvals.ports';
import { SaveApprovalSettingsCommand } from './save-approval-settings.command';

@CommandHandler(SaveApprovalSettingsCommand)
export class SaveApprovalSettingsHandler implements ICommandHandler<SaveApprovalSettingsCommand> {
  constructor(
    private readonly settings: ApprovalSettingsRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ caller, settings: next, expectedVersion }: SaveApprovalSettingsCommand): Promise<ApprovalSettings> {
    const settings = await this.settings.get();
    settings.checkVersion(expectedVersion);
    // Every approver named must be an active manager or admin now (read from identity).
    // Base currency, rates and business hours not sent: kept as they are.
    const policy = { ...next, baseCurrency: next.baseCurrency ?? settings.baseCurrency, exchangeRates: next.exchangeRates ?? settings.exchangeRates, businessHours: next.businessHours ?? settings.businessHours };
    if (next.reminderCooldownHours !== undefined) settings.setReminderCooldown(next.reminderCooldownHours);
    settings.change(policy, caller.userId, await approversAmong(this.queries, namedApprovers(next)));
    await this.settings.save(settings);
    return settings;
  }
}
