import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CloseApprovalRoundCommand, EvaluateQuoteApprovalQuery } from '@qa/approvals-contracts';
import { FindCrmRecordsQuery } from '@qa/crm-contracts';
import { ApprovalPolicy } from '@qa/quotes-application';
import type { QuoteApprovalRoute } from '@qa/quotes-contracts';
import type { Quote } from '@qa/quotes-domain';

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
    let dealStage: string | null = null;
    if (quote.dealId) {
      const { deals } = await this.queries.execute(new FindCrmRecordsQuery({ dealIds: [quote.dealId] }));
      dealStage = deals[0]?.stage ?? null;
    }
    const totals = quote.totals();
    const verdict = await this.queries.execute(
      new EvaluateQuoteApprovalQuery({
        quoteId: quote.id,
        ownerId: quote.ownerId,
        currency: quote.currency,
        totalMinor: totals.totalMinor,
        effectiveDiscountBp: totals.effectiveDiscountBp,
        largestLineDiscountBp: totals.largestLineDiscountBp,
        dealStage,
        submittedBy,
      }),
    );
    if (!verdict.required) return null;
    // An empty list is refused by Quote.submit (QUOTES.NO_APPROVER): such a quote could never leave Pending approval.
    return { approverIds: verdict.approverIds, mode: verdict.mode, reasons: verdict.reasons, ruleName: verdict.ruleName, submittedBy };
  }

  async closeOpenRound(quoteId: string): Promise<void> {
    await this.commands.execute(new CloseApprovalRoundCommand(quoteId));
  }
}
