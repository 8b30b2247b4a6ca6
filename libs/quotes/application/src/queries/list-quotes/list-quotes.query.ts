import { Query } from '@nestjs/cqrs';
import type { Caller } from '@qa/shared-kernel';
import type { QuoteListPage, QuoteListRequest } from '../../ports/quote-list.reader';

/** The quotes list: reps see their own quotes, managers and admins all. */
export class ListQuotesQuery extends Query<QuoteListPage> {
  constructor(
    readonly caller: Caller,
    readonly request: QuoteListRequest,
  ) {
    super();
  }
}
