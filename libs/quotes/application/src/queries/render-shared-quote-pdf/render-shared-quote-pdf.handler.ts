import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { QuoteRepository } from '@qa/quotes-domain';
import { QuotePdfRenderer } from '../../ports/quote.ports';
import { findSharedQuote, quoteRecipients } from '../../shared/shared-quote';
import { RenderSharedQuotePdfQuery } from './render-shared-quote-pdf.query';

@QueryHandler(RenderSharedQuotePdfQuery)
export class RenderSharedQuotePdfHandler implements IQueryHandler<RenderSharedQuotePdfQuery> {
  constructor(
    private readonly quotes: QuoteRepository,
    private readonly queries: QueryBus,
    private readonly renderer: QuotePdfRenderer,
  ) {}

  async execute({ shareSlug }: RenderSharedQuotePdfQuery): Promise<{ fileName: string; pdf: Buffer }> {
    const quote = await findSharedQuote(this.quotes, shareSlug);
    const names = (await quoteRecipients(this.queries, quote)).map((r) => `${r.name} <${r.email}>`);
    return { fileName: `${quote.number}.pdf`, pdf: await this.renderer.render(quote, { recipients: names }) };
  }
}
