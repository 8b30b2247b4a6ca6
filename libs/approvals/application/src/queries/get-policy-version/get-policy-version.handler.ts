import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { policyVersionNotFound, type PolicyVersion } from '@qa/approvals-domain';
import { PolicyVersionRepository } from '../../ports/approvals.ports';
import { GetPolicyVersionQuery } from './get-policy-version.query';

@QueryHandler(GetPolicyVersionQuery)
export class GetPolicyVersionHandler implements IQueryHandler<GetPolicyVersionQuery, PolicyVersion> {
  constructor(private readonly versions: PolicyVersionRepository) {}

  async execute({ version }: GetPolicyVersionQuery): Promise<PolicyVersion> {
    const found = await this.versions.get(version);
    if (!found) throw policyVersionNotFound(version);
    return found;
  }
}
