import { Query } from '@nestjs/cqrs';
import type { Caller } from '@qa/shared-kernel';
import type { SharedQuoteView } from '../../quote-view';

/** The buyer's view of a shared quote, by its link; 404 once recalled or expired. */
export class GetSharedQuoteQuery extends Query<SharedQuoteView> {
  constructor(readonly shareSlug: string) {
    super();
  }
}

/** The buyer's PDF of a shared quote. */
export class RenderSharedQuotePdfQuery extends Query<{ fileName: string; pdf: Buffer }> {
  constructor(readonly shareSlug: string) {
    super();
  }
}

/** The PDF of a quote for someone who may read it (the owner before sharing, managers, admins). */
export class RenderQuotePdfQuery extends Query<{ fileName: string; pdf: Buffer }> {
  constructor(
    readonly caller: Caller,
    readonly quoteId: string,
  ) {
    super();
  }
}
