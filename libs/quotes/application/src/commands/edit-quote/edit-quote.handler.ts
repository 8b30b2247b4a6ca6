import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isAllowed, QuoteErrors, QuoteRepository } from '@qa/quotes-domain';
import { changeableAt } from '../../shared/quote-access';
import { QuoteDetailsResolver } from '../../shared/quote-details.resolver';
import { EditQuoteCommand } from './edit-quote.command';

@CommandHandler(EditQuoteCommand)
export class EditQuoteHandler implements ICommandHandler<EditQuoteCommand> {
  constructor(
    private readonly quotes: QuoteRepository,
    private readonly resolver: QuoteDetailsResolver,
  ) {}

  async execute({ caller, quoteId, expectedVersion, details }: EditQuoteCommand): Promise<void> {
    const quote = await changeableAt(this.quotes, caller, quoteId, expectedVersion);
    // Not editable (e.g. Pending approval: the round reviews what was submitted) before anything else is looked at.
    if (!isAllowed('edit', quote.status)) throw QuoteErrors.notEditable(quote.status);
    quote.edit(await this.resolver.resolve(details, caller), { by: caller.userId });
    await this.quotes.save(quote);
  }
}
