import type { QueryBus } from '@nestjs/cqrs';
import { FindCrmRecordsQuery } from '@qa/crm-contracts';
import { QuoteErrors, SHAREABLE_STATUSES, type Quote, type QuoteRepository } from '@qa/quotes-domain';

/** The quote behind a buyer's link while it is shareable; 404 otherwise (never shared, recalled, expired). */
export async function findSharedQuote(quotes: QuoteRepository, slug: string): Promise<Quote> {
  const quote = await quotes.findByShareSlug(slug);
  if (!quote || !SHAREABLE_STATUSES.includes(quote.status)) throw QuoteErrors.notFound(slug);
  return quote;
}

/** The quote's recipients (names and e-mail addresses), asked of the CRM through its contract. */
export async function quoteRecipients(queries: QueryBus, quote: Quote): Promise<Array<{ name: string; email: string }>> {
  if (quote.recipientContactIds.length === 0) return [];
  const { contacts } = await queries.execute(new FindCrmRecordsQuery({ contactIds: quote.recipientContactIds }));
  return contacts.map(({ name, email }) => ({ name, email }));
}
