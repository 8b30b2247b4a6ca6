// What the approvals use cases read from other contexts, through their contracts on the QueryBus:
// users from identity (at this moment), the quote's content from quotes, the deal's stage from crm.
import type { QueryBus } from '@nestjs/cqrs';
import type { QuoteApprovalFacts } from '@qa/approvals-contracts';
import { FindCrmRecordsQuery, type CrmRecords } from '@qa/crm-contracts';
import { FindUsersQuery, type UserSummary } from '@qa/identity-contracts';
import { GetQuoteSnapshotQuery, type QuoteSnapshotView } from '@qa/quotes-contracts';
import { canApprove } from './approval-access';

/** These users as identity knows them now (none asked: none read). */
export async function findUsers(queries: QueryBus, ids: string[]): Promise<UserSummary[]> {
  if (!ids.length) return [];
  const users: UserSummary[] = await queries.execute(new FindUsersQuery(ids));
  return users;
}

/** Which of these users may approve now: active managers and admins. */
export async function approversAmong(queries: QueryBus, ids: string[]): Promise<Set<string>> {
  return new Set((await findUsers(queries, ids)).filter(canApprove).map((u) => u.id));
}

/** Read from identity at this moment: an active manager or admin. */
export async function mayApproveNow(queries: QueryBus, userId: string): Promise<boolean> {
  const [user] = await findUsers(queries, [userId]);
  return !!user && user.id === userId && canApprove(user);
}

/** The quote's content now; null when there is none. */
export async function findQuoteSnapshot(queries: QueryBus, quoteId: string): Promise<QuoteSnapshotView | null> {
  const quote: QuoteSnapshotView | null = await queries.execute(new GetQuoteSnapshotQuery(quoteId));
  return quote;
}

/** The facts rules look at, from the quote (and its deal's stage). */
export async function approvalFactsOf(queries: QueryBus, quote: QuoteSnapshotView): Promise<QuoteApprovalFacts> {
  let dealStage: string | null = null;
  if (quote.dealId) {
    const { deals }: CrmRecords = await queries.execute(new FindCrmRecordsQuery({ dealIds: [quote.dealId] }));
    dealStage = deals[0]?.stage ?? null;
  }
  return {
    quoteId: quote.quoteId,
    ownerId: quote.ownerId,
    currency: quote.currency,
    totalMinor: quote.totalMinor,
    effectiveDiscountBp: quote.effectiveDiscountBp,
    largestLineDiscountBp: quote.largestLineDiscountBp,
    dealStage,
  };
}
