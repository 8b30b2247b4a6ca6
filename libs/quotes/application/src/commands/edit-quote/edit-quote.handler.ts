import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ApprovalLimitsCheck } from '@qa/quotes-contracts';
import { QuoteErrors, QuoteRepository } from '@qa/quotes-domain';
import { changeableAt } from '../../shared/quote-access';
import { QuoteDetailsResolver } from '../../shared/quote-details.resolver';
import { EditQuoteCommand } from './edit-quote.command';

@CommandHandler(EditQuoteCommand)
export class EditQuoteHandler implements ICommandHandler<EditQuoteCommand> {
  constructor(
    private readonly quotes: QuoteRepository,
    private readonly resolver: QuoteDetailsResolver,
  ) {}

  async execute({ caller, quoteId, expectedVersion, details }: EditQuoteCommand): Promise<ApprovalLimitsCheck | null> {
    const quote = await changeableAt(this.quotes, caller, quoteId, expectedVersion);
    // Not editable (e.g. Pending approval: the round reviews what was submitted) before anything else is looked at.
    if (!quote.isEditable()) throw QuoteErrors.notEditable(quote.status);
    const check = quote.edit(await this.resolver.resolve(details, caller), { by: caller.userId });
    await this.quotes.save(quote);
    return check;
  }
}
