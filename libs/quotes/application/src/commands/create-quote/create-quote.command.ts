import { Command } from '@nestjs/cqrs';
import type { QuoteDetails } from '@qa/quotes-domain';
import type { Caller } from '@qa/shared-kernel';

/** A new quote in Draft, owned by the caller. */
export class CreateQuoteCommand extends Command<{ id: string }> {
  constructor(
    readonly caller: Caller,
    readonly details: QuoteDetails,
  ) {
    super();
  }
}
