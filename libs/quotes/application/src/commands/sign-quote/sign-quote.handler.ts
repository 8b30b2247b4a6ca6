import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { QuoteErrors, QuoteRepository } from '@qa/quotes-domain';
import { Clock } from '@qa/shared-kernel';
import { SignQuoteCommand } from './sign-quote.command';

@CommandHandler(SignQuoteCommand)
export class SignQuoteHandler implements ICommandHandler<SignQuoteCommand> {
  constructor(
    private readonly quotes: QuoteRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ shareSlug, signer }: SignQuoteCommand): Promise<void> {
    const quote = await this.quotes.findByShareSlug(shareSlug);
    if (!quote) throw QuoteErrors.notFound(shareSlug);
    // Refused after the expiry date (QUOTES.EXPIRED), by the clock, even before the expiry job ran.
    quote.sign(signer, { now: this.clock.now() });
    await this.quotes.save(quote);
  }
}
