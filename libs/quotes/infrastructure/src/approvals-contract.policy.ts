import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { EvaluateQuoteApprovalQuery, type ApprovalVerdict } from '@qa/approvals-contracts';
import { FindCrmRecordsQuery, type CrmRecords } from '@qa/crm-contracts';
import { ApprovalPolicy } from '@qa/quotes-application';
import type { Quote } from '@qa/quotes-domain';
import { DomainError } from '@qa/shared-kernel';

/** Asks the approvals context, through its contract, whether a quote needs approval. */
@Injectable()
export class ApprovalsContractPolicy extends ApprovalPolicy {
  constructor(private readonly queries: QueryBus) {
    super();
  }

  async isApprovalRequired(quote: Quote): Promise<boolean> {
    let dealStage: string | null = null;
    if (quote.dealId) {
      const { deals } = (await this.queries.execute(new FindCrmRecordsQuery({ dealIds: [quote.dealId] }))) as CrmRecords;
      dealStage = deals[0]?.stage ?? null;
    }
    const totals = quote.totals();
    const verdict = (await this.queries.execute(
      new EvaluateQuoteApprovalQuery({
        quoteId: quote.id,
        ownerId: quote.ownerId,
        currency: quote.currency,
        totalMinor: totals.totalMinor,
        effectiveDiscountBp: totals.effectiveDiscountBp,
        largestLineDiscountBp: totals.largestLineDiscountBp,
        dealStage,
      }),
    )) as ApprovalVerdict;
    if (verdict.required && verdict.approverIds.length === 0) {
      throw new DomainError('QUOTES.NO_APPROVER', 'This quote needs approval, but nobody other than its owner can approve it; ask an admin to choose an approver', 'invalid', { reasons: verdict.reasons });
    }
    return verdict.required;
  }
}
