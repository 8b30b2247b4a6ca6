import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { QuoteRepository } from '@qa/quotes-domain';
import { ApprovalPolicy } from '../../ports/quote.ports';
import { changeableAt } from '../../shared/quote-access';
import { WithdrawQuoteCommand } from './withdraw-quote.command';

@CommandHandler(WithdrawQuoteCommand)
export class WithdrawQuoteHandler implements ICommandHandler<WithdrawQuoteCommand> {
  private readonly logger = new Logger(WithdrawQuoteHandler.name);

  constructor(
    private readonly quotes: QuoteRepository,
    private readonly approvals: ApprovalPolicy,
  ) {}

  async execute({ caller, quoteId, expectedVersion }: WithdrawQuoteCommand): Promise<void> {
    const quote = await changeableAt(this.quotes, caller, quoteId, expectedVersion);
    quote.withdraw({ by: caller.userId });
    await this.quotes.save(quote);
    // The round closes at once, so the approval page says so now. Nobody can decide it anyway: a
    // decision needs the quote still Pending approval at the round's version, and the withdrawn
    // event cancels the round too (should this fail).
    try {
      await this.approvals.closeOpenRound(quoteId);
    } catch (error) {
      this.logger.warn(`closing the round of ${quoteId} failed; the withdrawn event closes it: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
