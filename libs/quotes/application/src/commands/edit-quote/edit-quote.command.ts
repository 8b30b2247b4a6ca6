import { Command } from '@nestjs/cqrs';
import type { ApprovalLimitsCheck } from '@qa/quotes-contracts';
import type { QuoteDetails } from '@qa/quotes-domain';
import type { Caller } from '@qa/shared-kernel';

/**
 * Replaces a quote's details; in Draft or Changes requested, or approved with limits (QUOTES.NOT_EDITABLE
 * otherwise). Answers how an approved quote's edit stood against its limits (null for other edits).
 */
export class EditQuoteCommand extends Command<ApprovalLimitsCheck | null> {
  constructor(
    readonly caller: Caller,
    readonly quoteId: string,
    readonly expectedVersion: number,
    readonly details: QuoteDetails,
  ) {
    super();
  }
}
