import { Query } from '@nestjs/cqrs';
import type { Caller } from '@qa/shared-kernel';
import type { QuoteView } from '../../shared/quote-view';

export class GetQuoteQuery extends Query<QuoteView> {
  constructor(
    readonly caller: Caller,
    readonly quoteId: string,
  ) {
    super();
  }
}
