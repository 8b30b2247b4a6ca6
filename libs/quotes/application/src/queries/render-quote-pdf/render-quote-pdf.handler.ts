import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { QuoteRepository } from '@qa/quotes-domain';
import { QuotePdfRenderer } from '../../ports/quote.ports';
import { readable } from '../../shared/quote-access';
import { quoteRecipients } from '../../shared/shared-quote';
import { RenderQuotePdfQuery } from './render-quote-pdf.query';

@QueryHandler(RenderQuotePdfQuery)
export class RenderQuotePdfHandler implements IQueryHandler<RenderQuotePdfQuery> {
  constructor(
    private readonly quotes: QuoteRepository,
    private readonly queries: QueryBus,
    private readonly renderer: QuotePdfRenderer,
  ) {}

  async execute({ caller, quoteId }: RenderQuotePdfQuery): Promise<{ fileName: string; pdf: Buffer }> {
    const quote = readable(caller, await this.quotes.findById(quoteId), quoteId);
    const names = (await quoteRecipients(this.queries, quote)).map((r) => `${r.name} <${r.email}>`);
    return { fileName: `${quote.number}.pdf`, pdf: await this.renderer.render(quote, { recipients: names }) };
  }
}
