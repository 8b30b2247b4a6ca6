import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { QuoteErrors, QuoteRepository } from '@qa/quotes-domain';
import { SignQuoteCommand } from './sign-quote.command';

@CommandHandler(SignQuoteCommand)
export class SignQuoteHandler implements ICommandHandler<SignQuoteCommand> {
  constructor(private readonly quotes: QuoteRepository) {}

  async execute({ shareSlug, signer }: SignQuoteCommand): Promise<void> {
    const quote = await this.quotes.findByShareSlug(shareSlug);
    if (!quote) throw QuoteErrors.notFound(shareSlug);
    quote.sign(signer);
    await this.quotes.save(quote);
  }
}
