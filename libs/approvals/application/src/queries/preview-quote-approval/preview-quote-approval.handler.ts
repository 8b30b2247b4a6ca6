import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PreviewApprovalRouteQuery, type ApprovalRoutePreview } from '@qa/approvals-contracts';
import { ApprovalErrors } from '@qa/approvals-domain';
import { hidesQuoteFrom } from '../../shared/approval-access';
import { findQuoteSnapshot, quoteFactsOf } from '../../shared/approval-lookups';
import { PreviewQuoteApprovalQuery } from './preview-quote-approval.query';

@QueryHandler(PreviewQuoteApprovalQuery)
export class PreviewQuoteApprovalHandler implements IQueryHandler<PreviewQuoteApprovalQuery> {
  constructor(private readonly queries: QueryBus) {}

  async execute({ caller, quoteId }: PreviewQuoteApprovalQuery): Promise<ApprovalRoutePreview> {
    const quote = await findQuoteSnapshot(this.queries, quoteId);
    if (!quote || hidesQuoteFrom(caller, quote)) throw ApprovalErrors.notFound(quoteId);
    // Whoever would submit: the caller when they may (the owner, an admin), else the owner.
    const submittedBy = caller.userId === quote.ownerId || caller.role === 'admin' ? caller.userId : quote.ownerId;
    return this.queries.execute(new PreviewApprovalRouteQuery({ ...quoteFactsOf(quote), submittedBy }));
  }
}
