import { Query } from '@nestjs/cqrs';
import type { Delegation } from '@qa/approvals-domain';
import type { Caller } from '@qa/shared-kernel';

/**
 * Out-of-office delegations not over yet (running or planned; `includePast`: also those over or
 * cancelled): the caller's own, or (admins) one approver's (`approverId`) or everyone's (null).
 */
export class ListDelegationsQuery extends Query<Delegation[]> {
  constructor(
    readonly caller: Caller,
    readonly approverId: string | null,
    readonly includePast = false,
  ) {
    super();
  }
}
