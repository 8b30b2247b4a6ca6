import { QueryHandler, QueryBus, type IQueryHandler } from '@nestjs/cqrs';
import { FindCrmRecordsQuery, type CrmRecords } from '@qa/crm-contracts';
import { QuoteErrors, QuoteRepository, SHAREABLE_STATUSES, type Quote } from '@qa/quotes-domain';
import { QuotePdfRenderer } from '../../ports/quote.ports';
import { toQuoteView, type SharedQuoteView } from '../../quote-view';
import { GetSharedQuoteQuery, RenderQuotePdfQuery, RenderSharedQuotePdfQuery } from './get-shared-quote.query';
import { readable } from '../../quote-access';

async function sharedQuote(quotes: QuoteRepository, slug: string): Promise<Quote> {
  const quote = await quotes.findByShareSlug(slug);
  if (!quote || !SHAREABLE_STATUSES.includes(quote.status)) throw QuoteErrors.notFound(slug);
  return quote;
}

async function recipients(queries: QueryBus, quote: Quote): Promise<Array<{ name: string; email: string }>> {
  if (quote.recipientContactIds.length === 0) return [];
  const { contacts } = (await queries.execute(new FindCrmRecordsQuery({ contactIds: quote.recipientContactIds }))) as CrmRecords;
  return contacts.map(({ name, email }) => ({ name, email }));
}

@QueryHandler(GetSharedQuoteQuery)
export class GetSharedQuoteHandler implements IQueryHandler<GetSharedQuoteQuery> {
  constructor(
    private readonly quotes: QuoteRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ shareSlug }: GetSharedQuoteQuery): Promise<SharedQuoteView> {
    const quote = await sharedQuote(this.quotes, shareSlug);
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
      lineItems: view.lineItems,
      totals: view.totals,
      signature: view.signature,
      recipients: await recipients(this.queries, quote),
    };
  }
}

@QueryHandler(RenderSharedQuotePdfQuery)
export class RenderSharedQuotePdfHandler implements IQueryHandler<RenderSharedQuotePdfQuery> {
  constructor(
    private readonly quotes: QuoteRepository,
    private readonly queries: QueryBus,
    private readonly renderer: QuotePdfRenderer,
  ) {}

  async execute({ shareSlug }: RenderSharedQuotePdfQuery): Promise<{ fileName: string; pdf: Buffer }> {
    const quote = await sharedQuote(this.quotes, shareSlug);
    const names = (await recipients(this.queries, quote)).map((r) => `${r.name} <${r.email}>`);
    return { fileName: `${quote.number}.pdf`, pdf: await this.renderer.render(quote, { recipients: names }) };
  }
}

@QueryHandler(RenderQuotePdfQuery)
export class RenderQuotePdfHandler implements IQueryHandler<RenderQuotePdfQuery> {
  constructor(
    private readonly quotes: QuoteRepository,
    private readonly queries: QueryBus,
    private readonly renderer: QuotePdfRenderer,
  ) {}

  async execute({ caller, quoteId }: RenderQuotePdfQuery): Promise<{ fileName: string; pdf: Buffer }> {
    const quote = readable(caller, await this.quotes.findById(quoteId), quoteId);
    const names = (await recipients(this.queries, quote)).map((r) => `${r.name} <${r.email}>`);
    return { fileName: `${quote.number}.pdf`, pdf: await this.renderer.render(quote, { recipients: names }) };
  }
}
