import { Command } from '@nestjs/cqrs';
import type { Caller } from '@qa/shared-kernel';

/** Pending approval back to Draft (the owner or an admin): the open round is cancelled; a new submit opens a new one. */
export class WithdrawQuoteCommand extends Command<void> {
  constructor(
    readonly caller: Caller,
    readonly quoteId: string,
    readonly expectedVersion: number,
  ) {
    super();
  }
}
