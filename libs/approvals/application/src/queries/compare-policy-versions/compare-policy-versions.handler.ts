import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { comparePolicies, policyVersionNotFound } from '@qa/approvals-domain';
import { PolicyVersionRepository } from '../../ports/approvals.ports';
import { ComparePolicyVersionsQuery, type PolicyComparison } from './compare-policy-versions.query';

@QueryHandler(ComparePolicyVersionsQuery)
export class ComparePolicyVersionsHandler implements IQueryHandler<ComparePolicyVersionsQuery, PolicyComparison> {
  constructor(private readonly versions: PolicyVersionRepository) {}

  async execute({ from, to }: ComparePolicyVersionsQuery): Promise<PolicyComparison> {
    const [a, b] = await Promise.all([this.versions.get(from), this.versions.get(to)]);
    if (!a) throw policyVersionNotFound(from);
    if (!b) throw policyVersionNotFound(to);
    return { from: a, to: b, differences: comparePolicies(a.snapshot, b.snapshot) };
  }
}
