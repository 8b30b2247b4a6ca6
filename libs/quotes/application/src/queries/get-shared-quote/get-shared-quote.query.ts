import { Query } from '@nestjs/cqrs';
import type { SharedQuoteView } from '../../shared/quote-view';

/** The buyer's view of a shared quote, by its link; 404 once recalled or expired. */
export class GetSharedQuoteQuery extends Query<SharedQuoteView> {
  constructor(readonly shareSlug: string) {
    super();
  }
}
