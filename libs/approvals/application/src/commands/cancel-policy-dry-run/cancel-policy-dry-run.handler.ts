import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { dryRunIsOpen, type PolicyDryRun } from '@qa/approvals-domain';
import { Clock } from '@qa/shared-kernel';
import { PolicyDryRunRepository } from '../../ports/policy-dry-run.ports';
import { seeDryRun } from '../../shared/dry-run-access';
import { CancelPolicyDryRunCommand } from './cancel-policy-dry-run.command';

@CommandHandler(CancelPolicyDryRunCommand)
export class CancelPolicyDryRunHandler implements ICommandHandler<CancelPolicyDryRunCommand, PolicyDryRun> {
  constructor(
    private readonly runs: PolicyDryRunRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, runId }: CancelPolicyDryRunCommand): Promise<PolicyDryRun> {
    const run = seeDryRun(caller, runId, await this.runs.findById(runId));
    if (dryRunIsOpen(run)) await this.runs.cancel(runId, this.clock.now());
    return seeDryRun(caller, runId, await this.runs.findById(runId));
  }
}
