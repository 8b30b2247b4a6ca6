import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { checkPolicy, MAX_DRY_RUN_LIMIT, namedApprovers, PolicyDryRun } from '@qa/approvals-domain';
import { CountSubmittedQuotesQuery } from '@qa/quotes-contracts';
import { Clock, DomainError } from '@qa/shared-kernel';
import { approversAmong } from '../../shared/approval-lookups';
import { mayRunDryRuns } from '../../shared/dry-run-access';
import { ApprovalSettingsRepository } from '../../ports/approvals.ports';
import { PolicyDryRunQueue, PolicyDryRunRepository } from '../../ports/policy-dry-run.ports';
import { StartPolicyDryRunCommand } from './start-policy-dry-run.command';

@CommandHandler(StartPolicyDryRunCommand)
export class StartPolicyDryRunHandler implements ICommandHandler<StartPolicyDryRunCommand, PolicyDryRun> {
  constructor(
    private readonly settings: ApprovalSettingsRepository,
    private readonly runs: PolicyDryRunRepository,
    private readonly queue: PolicyDryRunQueue,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, policy, limit }: StartPolicyDryRunCommand): Promise<PolicyDryRun> {
    if (!mayRunDryRuns(caller)) throw new DomainError('AUTH.FORBIDDEN', 'Only those who may save the approval policy run it dry', 'forbidden');
    if (limit !== null && (!Number.isInteger(limit) || limit < 1 || limit > MAX_DRY_RUN_LIMIT)) {
      throw new DomainError('APPROVALS.INVALID_DRY_RUN', `limit: must be a whole number from 1 to ${MAX_DRY_RUN_LIMIT}, or all`, 'invalid', { fields: [{ field: 'limit', reason: `must be a whole number from 1 to ${MAX_DRY_RUN_LIMIT}, or all` }] });
    }
    const saved = await this.settings.get();
    // As the try endpoint does: base currency, rates and business hours not sent are the saved ones.
    const edited = { ...policy, baseCurrency: policy.baseCurrency ?? saved.baseCurrency, exchangeRates: policy.exchangeRates ?? saved.exchangeRates, businessHours: policy.businessHours ?? saved.businessHours };
    const checked = checkPolicy(edited, await approversAmong(this.queries, namedApprovers(policy)));
    const total: number = await this.queries.execute(new CountSubmittedQuotesQuery(limit));
    const run = PolicyDryRun.queue({ requestedBy: caller.userId, policy: checked, limit, total, now: this.clock.now() });
    await this.runs.add(run);
    await this.queue.enqueue(run.id);
    return run;
  }
}
