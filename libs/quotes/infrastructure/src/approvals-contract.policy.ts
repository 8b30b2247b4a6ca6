import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CloseApprovalRoundCommand, EvaluateQuoteApprovalQuery, PreviewApprovalRouteQuery, type ApprovalRoutePreview, type QuoteApprovalFacts } from '@qa/approvals-contracts';
import { ApprovalPolicy, quoteRoutingFacts } from '@qa/quotes-application';
import type { QuoteApprovalRoute } from '@qa/quotes-contracts';
import type { Quote } from '@qa/quotes-domain';

/** What a quote tells approval routing about itself. */
function approvalFactsOf(quote: Quote, submittedBy: string): QuoteApprovalFacts {
  return { ...quoteRoutingFacts(quote), submittedBy };
}

/** Asks the approvals context, through its contract, whether and by whom a quote must be approved. */
@Injectable()
export class ApprovalsContractPolicy extends ApprovalPolicy {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {
    super();
  }

  async routeFor(quote: Quote, submittedBy: string): Promise<QuoteApprovalRoute | null> {
    const verdict = await this.queries.execute(new EvaluateQuoteApprovalQuery(approvalFactsOf(quote, submittedBy)));
    // An incomplete route is refused by Quote.submit (QUOTES.NO_APPROVER): such a quote could never leave Pending approval.
    return verdict.route ? { ...verdict.route, submittedBy } : null;
  }

  previewFor(quote: Quote, submittedBy: string): Promise<ApprovalRoutePreview> {
    return this.queries.execute(new PreviewApprovalRouteQuery(approvalFactsOf(quote, submittedBy)));
  }

  async closeOpenRound(quoteId: string): Promise<void> {
    await this.commands.execute(new CloseApprovalRoundCommand(quoteId));
  }
}
