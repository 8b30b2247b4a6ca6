import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { QuoteRepository } from '@qa/quotes-domain';
import { changeable } from '../../shared/quote-access';
import { RecallQuoteCommand } from './recall-quote.command';

@CommandHandler(RecallQuoteCommand)
export class RecallQuoteHandler implements ICommandHandler<RecallQuoteCommand> {
  constructor(private readonly quotes: QuoteRepository) {}

  async execute({ caller, quoteId, expectedVersion }: RecallQuoteCommand): Promise<void> {
    const quote = changeable(caller, await this.quotes.findById(quoteId), quoteId);
    quote.checkVersion(expectedVersion);
    quote.recall({ by: caller.userId });
    await this.quotes.save(quote);
  }
}
