import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ApprovalRoutePreview } from '@qa/approvals-contracts';
import { Quote, QuoteRepository } from '@qa/quotes-domain';
import { Clock } from '@qa/shared-kernel';
import { ApprovalPolicy } from '../../ports/quote.ports';
import { changeable } from '../../shared/quote-access';
import { QuoteDetailsResolver } from '../../shared/quote-details.resolver';
import { PreviewQuoteRouteQuery } from './preview-quote-route.query';

/**
 * The draft as a quote in memory (never saved): its references checked as a save would check them,
 * its owner the existing quote's (edits) or the caller's (a new quote); whoever would submit it is
 * the caller. Approvals routes it as it would at submit.
 */
@QueryHandler(PreviewQuoteRouteQuery)
export class PreviewQuoteRouteHandler implements IQueryHandler<PreviewQuoteRouteQuery> {
  constructor(
    private readonly quotes: QuoteRepository,
    private readonly resolver: QuoteDetailsResolver,
    private readonly approvals: ApprovalPolicy,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, details, quoteId }: PreviewQuoteRouteQuery): Promise<ApprovalRoutePreview> {
    const ownerId = quoteId ? changeable(caller, await this.quotes.findById(quoteId), quoteId).ownerId : caller.userId;
    const draft = Quote.create({ number: 'DRAFT', ownerId, details: await this.resolver.resolve(details, caller), now: this.clock.now() });
    return this.approvals.previewFor(draft, caller.userId);
  }
}
