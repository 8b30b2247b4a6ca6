import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { QuoteRepository } from '@qa/quotes-domain';
import { ApprovalPolicy } from '../../ports/quote.ports';
import { changeableAt } from '../../shared/quote-access';
import { SubmitQuoteCommand } from './submit-quote.command';

@CommandHandler(SubmitQuoteCommand)
export class SubmitQuoteHandler implements ICommandHandler<SubmitQuoteCommand> {
  constructor(
    private readonly quotes: QuoteRepository,
    private readonly approvals: ApprovalPolicy,
  ) {}

  async execute({ caller, quoteId, expectedVersion }: SubmitQuoteCommand): Promise<void> {
    const quote = await changeableAt(this.quotes, caller, quoteId, expectedVersion);
    // The route is fixed now and saved with the status change (one flush): the round opens with it.
    quote.submit(await this.approvals.routeFor(quote, caller.userId), { by: caller.userId });
    await this.quotes.save(quote);
  }
}
