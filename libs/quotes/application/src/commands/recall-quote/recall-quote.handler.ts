import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { QuoteRepository } from '@qa/quotes-domain';
import { changeableAt } from '../../shared/quote-access';
import { RecallQuoteCommand } from './recall-quote.command';

@CommandHandler(RecallQuoteCommand)
export class RecallQuoteHandler implements ICommandHandler<RecallQuoteCommand> {
  constructor(private readonly quotes: QuoteRepository) {}

  async execute({ caller, quoteId, expectedVersion }: RecallQuoteCommand): Promise<void> {
    const quote = await changeableAt(this.quotes, caller, quoteId, expectedVersion);
    quote.recall({ by: caller.userId });
    await this.quotes.save(quote);
  }
}
