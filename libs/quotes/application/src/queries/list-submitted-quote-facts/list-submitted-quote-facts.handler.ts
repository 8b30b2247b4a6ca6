import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CountSubmittedQuotesQuery, ListSubmittedQuoteFactsQuery, type SubmittedQuoteFacts, type SubmittedQuoteFactsPage } from '@qa/quotes-contracts';
import { DomainError } from '@qa/shared-kernel';
import { QuoteRepository, type Quote, type SubmittedQuotesCursor } from '@qa/quotes-domain';
import { quoteRoutingFacts } from '../../shared/quote-routing-facts';

const MAX_PAGE = 5_000;

function cursorOf(after: string | null): SubmittedQuotesCursor | null {
  if (!after) return null;
  const [at, id] = after.split('|');
  const submittedAt = new Date(at);
  if (!id || Number.isNaN(submittedAt.getTime())) throw new DomainError('QUOTES.INVALID_CURSOR', 'after: not a cursor of this list', 'invalid', { fields: [{ field: 'after', reason: 'must be the next cursor of a page' }] });
  return { submittedAt, id };
}

/** The quote's facts for routing, with its last submission (from its history: who, and whether it went to Pending approval). */
function factsOf(quote: Quote): SubmittedQuoteFacts {
  const submit = [...(quote.history ?? [])].reverse().find((h) => (h.status === 'pending_approval' || h.status === 'approval_not_needed') && (h.previousStatus === 'draft' || h.previousStatus === 'changes_requested'));
  return {
    ...quoteRoutingFacts(quote),
    number: quote.number,
    submittedBy: submit?.by ?? null,
    submittedAt: new Date(quote.submittedAt as Date).toISOString(),
    neededApproval: submit ? submit.status === 'pending_approval' : false,
  };
}

/** Answers other contexts (approvals' dry run) with a page of submitted quotes' routing facts. */
@QueryHandler(ListSubmittedQuoteFactsQuery)
export class ListSubmittedQuoteFactsHandler implements IQueryHandler<ListSubmittedQuoteFactsQuery, SubmittedQuoteFactsPage> {
  constructor(private readonly quotes: QuoteRepository) {}

  async execute({ limit, after }: ListSubmittedQuoteFactsQuery): Promise<SubmittedQuoteFactsPage> {
    const size = Math.min(MAX_PAGE, Math.max(1, Math.floor(limit)));
    const page = await this.quotes.listSubmitted(size, cursorOf(after));
    const last = page.at(-1);
    return { quotes: page.map(factsOf), next: page.length === size && last ? `${new Date(last.submittedAt as Date).toISOString()}|${last.id}` : null };
  }
}

/** How many quotes were ever submitted (up to a cap). */
@QueryHandler(CountSubmittedQuotesQuery)
export class CountSubmittedQuotesHandler implements IQueryHandler<CountSubmittedQuotesQuery, number> {
  constructor(private readonly quotes: QuoteRepository) {}

  execute({ upTo }: CountSubmittedQuotesQuery): Promise<number> {
    return this.quotes.countSubmitted(upTo);
  }
}
