import { Command } from '@nestjs/cqrs';

/**
 * A user may no longer approve (`because`: deactivated, or no longer a manager or admin): their open
 * places in pending rounds go to the account's fallback approver (or stay, marked unresolved).
 * Answers how many rounds changed.
 */
export class RemoveApproverCommand extends Command<number> {
  constructor(
    readonly userId: string,
    readonly because: 'inactive' | 'not-approver',
  ) {
    super();
  }
}
