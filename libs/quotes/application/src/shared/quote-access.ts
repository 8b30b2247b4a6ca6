import { QuoteErrors, type Quote, type QuoteRepository } from '@qa/quotes-domain';
import type { Caller } from '@qa/shared-kernel';

/** Reps see and change their own quotes; managers and admins see all; admins may also change any. */
export const QuoteAccess = {
  canRead: (caller: Caller, quote: Quote) => caller.role !== 'rep' || quote.ownerId === caller.userId,
  canChange: (caller: Caller, quote: Quote) => quote.ownerId === caller.userId || caller.role === 'admin',
};

/** A quote the caller may read, or 404 (whether it exists is not the caller's business). */
export function readable(caller: Caller, quote: Quote | null, id: string): Quote {
  if (!quote || !QuoteAccess.canRead(caller, quote)) throw QuoteErrors.notFound(id);
  return quote;
}

/** A quote the caller may change: 404 when unreadable, 403 when read-only for them. */
export function changeable(caller: Caller, quote: Quote | null, id: string): Quote {
  const found = readable(caller, quote, id);
  if (!QuoteAccess.canChange(caller, found)) throw QuoteErrors.notOwner();
  return found;
}

/** Loads a quote for a change: it must be changeable by the caller and still at the version they saw. */
export async function changeableAt(quotes: QuoteRepository, caller: Caller, quoteId: string, expectedVersion: number | undefined): Promise<Quote> {
  const quote = changeable(caller, await quotes.findById(quoteId), quoteId);
  quote.checkVersion(expectedVersion);
  return quote;
}
