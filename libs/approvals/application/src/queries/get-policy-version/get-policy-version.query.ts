import { Query } from '@nestjs/cqrs';
import type { PolicyVersion } from '@qa/approvals-domain';

/** One version of the approval policy with its snapshot (404 when there is none). */
export class GetPolicyVersionQuery extends Query<PolicyVersion> {
  constructor(readonly version: number) {
    super();
  }
}
