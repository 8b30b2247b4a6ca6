import { Command } from '@nestjs/cqrs';

/** Run by the expiry job at the quote's expiry date; a no-op when the quote changed meanwhile. */
export class ExpireQuoteCommand extends Command<boolean> {
  constructor(readonly quoteId: string) {
    super();
  }
}
