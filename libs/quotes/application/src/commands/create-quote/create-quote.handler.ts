import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Quote, QuoteRepository } from '@qa/quotes-domain';
import { QuoteDetailsResolver } from '../../shared/quote-details.resolver';
import { CreateQuoteCommand } from './create-quote.command';

@CommandHandler(CreateQuoteCommand)
export class CreateQuoteHandler implements ICommandHandler<CreateQuoteCommand> {
  constructor(
    private readonly quotes: QuoteRepository,
    private readonly resolver: QuoteDetailsResolver,
  ) {}

  async execute({ caller, details }: CreateQuoteCommand): Promise<{ id: string }> {
    const resolved = await this.resolver.resolve(details, caller);
    const now = new Date();
    const quote = Quote.create({ number: await this.quotes.nextNumber(now.getUTCFullYear()), ownerId: caller.userId, details: resolved, now });
    await this.quotes.save(quote);
    return { id: quote.id };
  }
}
