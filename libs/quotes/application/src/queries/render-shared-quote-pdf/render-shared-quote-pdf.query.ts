import { Query } from '@nestjs/cqrs';

/** The buyer's PDF of a shared quote. */
export class RenderSharedQuotePdfQuery extends Query<{ fileName: string; pdf: Buffer }> {
  constructor(readonly shareSlug: string) {
    super();
  }
}
