import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { QuoteListReader, type QuoteListPage } from '../../ports/quote-list.reader';
import { ListQuotesQuery } from './list-quotes.query';

@QueryHandler(ListQuotesQuery)
export class ListQuotesHandler implements IQueryHandler<ListQuotesQuery> {
  constructor(private readonly reader: QuoteListReader) {}

  execute({ caller, request }: ListQuotesQuery): Promise<QuoteListPage> {
    return this.reader.list(caller.role === 'rep' ? { ...request, ownerId: caller.userId } : request);
  }
}
