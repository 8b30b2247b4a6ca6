import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { namedApprovers, PolicyVersion, type ApprovalSettings } from '@qa/approvals-domain';
import { Clock } from '@qa/shared-kernel';
import { approversAmong } from '../../shared/approval-lookups';
import { ApprovalSettingsRepository } from '../../ports/approvals.ports';
import { SaveApprovalSettingsCommand } from './save-approval-settings.command';

@CommandHandler(SaveApprovalSettingsCommand)
export class SaveApprovalSettingsHandler implements ICommandHandler<SaveApprovalSettingsCommand> {
  constructor(
    private readonly settings: ApprovalSettingsRepository,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, settings: next, expectedVersion, changeNote }: SaveApprovalSettingsCommand): Promise<ApprovalSettings> {
    const settings = await this.settings.get();
    settings.checkVersion(expectedVersion);
    // Every approver named must be an active manager or admin now (read from identity).
    // Base currency, rates and business hours not sent: kept as they are.
    const policy = { ...next, baseCurrency: next.baseCurrency ?? settings.baseCurrency, exchangeRates: next.exchangeRates ?? settings.exchangeRates, businessHours: next.businessHours ?? settings.businessHours };
    if (next.reminderCooldownHours !== undefined) settings.setReminderCooldown(next.reminderCooldownHours);
    const now = this.clock.now();
    settings.change(policy, caller.userId, await approversAmong(this.queries, namedApprovers(next)), now);
    // The save writes the policy's next version (numbered by the repository), in its transaction.
    await this.settings.save(settings, PolicyVersion.of(settings, 0, changeNote, null, now));
    return settings;
  }
}
