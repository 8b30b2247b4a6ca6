import { Command } from '@nestjs/cqrs';
import type { Caller } from '@qa/shared-kernel';

/** Finishing the set-up flow: Pending approval when approval is needed, otherwise live at once. */
export class SubmitQuoteCommand extends Command<void> {
  constructor(
    readonly caller: Caller,
    readonly quoteId: string,
    readonly expectedVersion: number,
  ) {
    super();
  }
}
