import { Command } from '@nestjs/cqrs';
import type { Caller } from '@qa/shared-kernel';

/** Back to Draft from Approved or Published: the buyer's link stops working; approval is needed again. */
export class RecallQuoteCommand extends Command<void> {
  constructor(
    readonly caller: Caller,
    readonly quoteId: string,
    readonly expectedVersion: number,
  ) {
    super();
  }
}
