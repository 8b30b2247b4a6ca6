import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EvaluateQuoteApprovalQuery } from '@qa/approvals-contracts';
import { ApprovalErrors } from '@qa/approvals-domain';
import { hidesQuoteFrom } from '../../shared/approval-access';
import { findQuoteSnapshot, quoteFactsOf, routePeople } from '../../shared/approval-lookups';
import { PreviewQuoteApprovalQuery, type ApprovalPreview } from './preview-quote-approval.query';

@QueryHandler(PreviewQuoteApprovalQuery)
export class PreviewQuoteApprovalHandler implements IQueryHandler<PreviewQuoteApprovalQuery> {
  constructor(private readonly queries: QueryBus) {}

  async execute({ caller, quoteId }: PreviewQuoteApprovalQuery): Promise<ApprovalPreview> {
    const quote = await findQuoteSnapshot(this.queries, quoteId);
    if (!quote || hidesQuoteFrom(caller, quote)) throw ApprovalErrors.notFound(quoteId);
    // Whoever would submit: the caller when they may (the owner, an admin), else the owner.
    const submittedBy = caller.userId === quote.ownerId || caller.role === 'admin' ? caller.userId : quote.ownerId;
    const verdict = await this.queries.execute(new EvaluateQuoteApprovalQuery({ ...quoteFactsOf(quote), submittedBy }));
    return { ...verdict, people: verdict.route ? await routePeople(this.queries, verdict.route) : [] };
  }
}
