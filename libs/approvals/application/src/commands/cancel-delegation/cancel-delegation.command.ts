import { Command } from '@nestjs/cqrs';
import type { Delegation } from '@qa/approvals-domain';
import type { Caller } from '@qa/shared-kernel';

/** Back in the office early (or plans changed): the delegation ends now (the approver or an admin). */
export class CancelDelegationCommand extends Command<Delegation> {
  constructor(
    readonly caller: Caller,
    readonly delegationId: string,
  ) {
    super();
  }
}
