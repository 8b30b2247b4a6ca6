import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { QuoteRepository } from '@qa/quotes-domain';
import { readable } from '../../quote-access';
import { toQuoteView, type QuoteView } from '../../quote-view';
import { GetQuoteQuery } from './get-quote.query';

@QueryHandler(GetQuoteQuery)
export class GetQuoteHandler implements IQueryHandler<GetQuoteQuery> {
  constructor(private readonly quotes: QuoteRepository) {}

  async execute({ caller, quoteId }: GetQuoteQuery): Promise<QuoteView> {
    return toQuoteView(readable(caller, await this.quotes.findById(quoteId), quoteId));
  }
}
