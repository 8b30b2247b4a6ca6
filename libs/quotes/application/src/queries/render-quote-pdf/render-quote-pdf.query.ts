import { Query } from '@nestjs/cqrs';
import type { Caller } from '@qa/shared-kernel';

/** The PDF of a quote for someone who may read it (the owner before sharing, managers, admins). */
export class RenderQuotePdfQuery extends Query<{ fileName: string; pdf: Buffer }> {
  constructor(
    readonly caller: Caller,
    readonly quoteId: string,
  ) {
    super();
  }
}
