import { Query } from '@nestjs/cqrs';
import type { PolicyVersion } from '@qa/approvals-domain';

export interface PolicyVersionPage {
  /** Newest first, each with its author's name (null: no author, or one identity no longer knows). */
  items: Array<{ version: PolicyVersion; authorName: string | null }>;
  /** Pass as `before` for the next page; null on the last. */
  nextBefore: number | null;
}

/** The approval policy's versions, newest first, a page at a time (keyset: those below `before`). */
export class ListPolicyVersionsQuery extends Query<PolicyVersionPage> {
  constructor(
    readonly before: number | null,
    readonly limit: number,
  ) {
    super();
  }
}
