import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { namedApprovers, policyVersionNotFound, PolicyVersion, type ApprovalSettings } from '@qa/approvals-domain';
import { Clock } from '@qa/shared-kernel';
import { approversAmong } from '../../shared/approval-lookups';
import { ApprovalSettingsRepository, PolicyVersionRepository } from '../../ports/approvals.ports';
import { RestorePolicyVersionCommand } from './restore-policy-version.command';

@CommandHandler(RestorePolicyVersionCommand)
export class RestorePolicyVersionHandler implements ICommandHandler<RestorePolicyVersionCommand> {
  constructor(
    private readonly settings: ApprovalSettingsRepository,
    private readonly versions: PolicyVersionRepository,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, version, expectedVersion, changeNote }: RestorePolicyVersionCommand): Promise<ApprovalSettings> {
    const old = await this.versions.get(version);
    if (!old) throw policyVersionNotFound(version);
    const settings = await this.settings.get();
    settings.checkVersion(expectedVersion);
    // The same checks as a save: approvers who may no longer approve are refused (422 naming them).
    const now = this.clock.now();
    settings.restore(old.snapshot, caller.userId, await approversAmong(this.queries, namedApprovers(old.snapshot)), now);
    await this.settings.save(settings, PolicyVersion.of(settings, 0, changeNote, version, now));
    return settings;
  }
}
