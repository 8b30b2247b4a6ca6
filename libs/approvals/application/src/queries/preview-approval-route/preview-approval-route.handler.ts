import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EvaluateQuoteApprovalQuery, PreviewApprovalRouteQuery, waitingTimeline, type ApprovalRoutePreview } from '@qa/approvals-contracts';
import { routePeople } from '../../shared/approval-lookups';

/** The route a quote (saved or a draft) would get if submitted now, as a timeline with names: for the quote page and the set-up flow. */
@QueryHandler(PreviewApprovalRouteQuery)
export class PreviewApprovalRouteHandler implements IQueryHandler<PreviewApprovalRouteQuery, ApprovalRoutePreview> {
  constructor(private readonly queries: QueryBus) {}

  async execute({ facts }: PreviewApprovalRouteQuery): Promise<ApprovalRoutePreview> {
    const { required, complete, approverIds, route } = await this.queries.execute(new EvaluateQuoteApprovalQuery(facts));
    return { required, complete, approverIds, route: route ? waitingTimeline(route) : null, people: route ? await routePeople(this.queries, route) : [] };
  }
}
