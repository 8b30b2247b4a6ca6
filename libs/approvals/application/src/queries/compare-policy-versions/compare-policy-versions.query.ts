import { Query } from '@nestjs/cqrs';
import type { PolicyDifference, PolicyVersion } from '@qa/approvals-domain';

export interface PolicyComparison {
  from: PolicyVersion;
  to: PolicyVersion;
  differences: PolicyDifference[];
}

/** Two versions of the approval policy side by side, with what changed from `from` to `to` (404 when either is missing). */
export class ComparePolicyVersionsQuery extends Query<PolicyComparison> {
  constructor(
    readonly from: number,
    readonly to: number,
  ) {
    super();
  }
}
