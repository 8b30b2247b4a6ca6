import { Command } from '@nestjs/cqrs';
import type { Delegation } from '@qa/approvals-domain';
import type { Caller } from '@qa/shared-kernel';

export interface DelegationInput {
  approverId: string;
  delegateId: string;
  /** Absent: from now. */
  startsAt: Date | null;
  endsAt: Date;
  note: string | null;
}

/**
 * Out of office: while the window holds (by the clock), the approver's new and open steps go to the
 * delegate, who decides "on behalf of" them. The approver sets their own; an admin anyone's.
 */
export class CreateDelegationCommand extends Command<Delegation> {
  constructor(
    readonly caller: Caller,
    readonly input: DelegationInput,
  ) {
    super();
  }
}
