import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { QuoteRepository } from '@qa/quotes-domain';
import { findSharedQuote, quoteRecipients } from '../../shared/shared-quote';
import { toQuoteView, type SharedQuoteView } from '../../shared/quote-view';
import { GetSharedQuoteQuery } from './get-shared-quote.query';

@QueryHandler(GetSharedQuoteQuery)
export class GetSharedQuoteHandler implements IQueryHandler<GetSharedQuoteQuery> {
  constructor(
    private readonly quotes: QuoteRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ shareSlug }: GetSharedQuoteQuery): Promise<SharedQuoteView> {
    const quote = await findSharedQuote(this.quotes, shareSlug);
    const view = toQuoteView(quote);
    return {
      number: view.number,
      title: view.title,
      status: view.status,
      companyName: view.companyName,
      currency: view.currency,
      expiresOn: view.expiresOn,
      quoteDiscount: view.quoteDiscount,
      commentsForBuyer: view.commentsForBuyer,
      purchaseTerms: view.purchaseTerms,
      paymentTermsDays: view.paymentTermsDays,
      language: view.language,
      lineItems: view.lineItems,
      totals: view.totals,
      signature: view.signature,
      recipients: await quoteRecipients(this.queries, quote),
    };
  }
}
