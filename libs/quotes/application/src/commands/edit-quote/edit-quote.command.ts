import { Command } from '@nestjs/cqrs';
import type { QuoteDetails } from '@qa/quotes-domain';
import type { Caller } from '@qa/shared-kernel';

/** Replaces a quote's details; only in Draft or Changes requested (QUOTES.NOT_EDITABLE otherwise). */
export class EditQuoteCommand extends Command<void> {
  constructor(
    readonly caller: Caller,
    readonly quoteId: string,
    readonly expectedVersion: number,
    readonly details: QuoteDetails,
  ) {
    super();
  }
}
