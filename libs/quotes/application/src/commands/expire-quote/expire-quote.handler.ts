import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { QuoteRepository } from '@qa/quotes-domain';
import { ExpireQuoteCommand } from './expire-quote.command';

@CommandHandler(ExpireQuoteCommand)
export class ExpireQuoteHandler implements ICommandHandler<ExpireQuoteCommand> {
  constructor(private readonly quotes: QuoteRepository) {}

  async execute({ quoteId }: ExpireQuoteCommand): Promise<boolean> {
    const quote = await this.quotes.findById(quoteId);
    if (!quote || !quote.expire()) return false;
    await this.quotes.save(quote);
    return true;
  }
}
