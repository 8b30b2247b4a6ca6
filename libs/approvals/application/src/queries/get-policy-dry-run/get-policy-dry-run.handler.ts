import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PolicyDryRun } from '@qa/approvals-domain';
import { PolicyDryRunRepository } from '../../ports/policy-dry-run.ports';
import { seeDryRun } from '../../shared/dry-run-access';
import { GetPolicyDryRunQuery } from './get-policy-dry-run.query';

@QueryHandler(GetPolicyDryRunQuery)
export class GetPolicyDryRunHandler implements IQueryHandler<GetPolicyDryRunQuery, PolicyDryRun> {
  constructor(private readonly runs: PolicyDryRunRepository) {}

  async execute({ caller, runId }: GetPolicyDryRunQuery): Promise<PolicyDryRun> {
    return seeDryRun(caller, runId, await this.runs.findById(runId));
  }
}
