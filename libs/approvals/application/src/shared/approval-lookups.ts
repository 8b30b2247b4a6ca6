// What the approvals use cases read from other contexts, through their contracts on the QueryBus:
// users and the org from identity (at this moment), the quote's content from quotes, its deal and
// company from crm, the properties set on the quote record from workflows.
import type { QueryBus } from '@nestjs/cqrs';
import type { ApprovalRoute, ApprovalVerdict, QuoteApprovalFacts } from '@qa/approvals-contracts';
import { DEFAULT_BASE_CURRENCY, routeQuote, toBaseMinor, type ApprovalPolicyState, type OrgDirectory, type RoutingFacts } from '@qa/approvals-domain';
import { FindCrmRecordsQuery, type CrmRecords } from '@qa/crm-contracts';
import { FindUsersQuery, ListOrgDirectoryQuery, type UserSummary } from '@qa/identity-contracts';
import { GetQuoteSnapshotQuery, type QuoteSnapshotView } from '@qa/quotes-contracts';
import { FindRecordPropertiesQuery, type RecordPropertyValues } from '@qa/workflows-contracts';
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

/** Every user with role, team and "reports to", as identity knows them now. */
export async function orgDirectory(queries: QueryBus): Promise<OrgDirectory> {
  const users: UserSummary[] = await queries.execute(new ListOrgDirectoryQuery());
  return new Map(users.map((u) => [u.id, { id: u.id, role: u.role, active: u.active, team: u.team, reportsTo: u.reportsTo }]));
}

/** What a saved quote tells routing about itself. */
export function quoteFactsOf(quote: QuoteSnapshotView): QuoteApprovalFacts {
  return {
    quoteId: quote.quoteId,
    ownerId: quote.ownerId,
    currency: quote.currency,
    totalMinor: quote.totalMinor,
    discountMinor: quote.discountMinor,
    effectiveDiscountBp: quote.effectiveDiscountBp,
    largestLineDiscountBp: quote.largestLineDiscountBp,
    lines: quote.lines.map((l) => ({ productName: l.productName, billingPeriod: l.billingPeriod })),
    paymentTermsDays: quote.paymentTermsDays,
    expiresOn: quote.expiresOn,
    dealId: quote.dealId,
    companyId: quote.companyId,
  };
}

const DAY = 86_400_000;

/** Whole days from `today` (UTC) to a YYYY-MM-DD date: 0 on the day itself. */
export function daysUntil(date: string, today: Date): number {
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((Date.parse(`${date}T00:00:00Z`) - midnight) / DAY);
}

/** Whether any rule of the policy looks at a quote property (only then are they read from workflows). */
export function looksAtProperties(policy: ApprovalPolicyState | undefined): boolean {
  return !!policy?.rules.some((r) => r.when.some((g) => g.conditions.some((c) => c.field === 'quoteProperty')));
}

/**
 * The quote's facts with what routing also looks at: its deal (stage, amount, owner), its
 * company's owner and country, its owner's role and team, its total in the policy's base
 * currency and (when a rule asks, for a saved quote) the properties set on it.
 */
export async function routingFactsOf(queries: QueryBus, facts: QuoteApprovalFacts, org: OrgDirectory, today: Date, policy?: ApprovalPolicyState): Promise<RoutingFacts> {
  const dealIds = facts.dealId ? [facts.dealId] : [];
  const records: CrmRecords = dealIds.length || facts.companyId ? await queries.execute(new FindCrmRecordsQuery({ dealIds, companyIds: facts.companyId ? [facts.companyId] : [] })) : { deals: [], companies: [], contacts: [] };
  const quoteProperties: RecordPropertyValues = facts.quoteId && looksAtProperties(policy) ? await queries.execute(new FindRecordPropertiesQuery('quote', facts.quoteId)) : {};
  return routingFactsFrom(facts, records, org, today, policy, quoteProperties);
}

/** The routing facts of a quote from records already read (its deal and company among `records`). */
export function routingFactsFrom(facts: QuoteApprovalFacts, records: Pick<CrmRecords, 'deals' | 'companies'>, org: OrgDirectory, today: Date, policy: ApprovalPolicyState | undefined, quoteProperties: RecordPropertyValues): RoutingFacts {
  const deal = records.deals.find((d) => d.id === facts.dealId) ?? null;
  const companyId = facts.companyId ?? deal?.companyId ?? null;
  const company = records.companies.find((c) => c.id === companyId) ?? null;
  const owner = org.get(facts.ownerId);
  const baseCurrency = policy?.baseCurrency ?? DEFAULT_BASE_CURRENCY;
  return {
    ownerId: facts.ownerId,
    submittedBy: facts.submittedBy ?? null,
    currency: facts.currency,
    totalMinor: facts.totalMinor,
    discountMinor: facts.discountMinor,
    effectiveDiscountBp: facts.effectiveDiscountBp,
    largestLineDiscountBp: facts.largestLineDiscountBp,
    lineCount: facts.lines.length,
    productNames: facts.lines.map((l) => l.productName),
    recurring: facts.lines.some((l) => l.billingPeriod !== 'one_time'),
    paymentTermsDays: facts.paymentTermsDays,
    daysUntilExpiry: facts.expiresOn ? daysUntil(facts.expiresOn, today) : null,
    dealStage: deal?.stage ?? null,
    dealAmountMinor: deal?.amountMinor ?? null,
    dealCurrency: deal?.currency ?? null,
    dealOwnerId: deal?.ownerId ?? null,
    companyOwnerId: company?.ownerId ?? null,
    ownerRole: owner?.role ?? null,
    ownerTeam: owner?.team ?? null,
    companyCountry: company?.country ?? null,
    baseCurrency,
    totalInBaseMinor: toBaseMinor(facts.totalMinor, facts.currency, { baseCurrency, exchangeRates: policy?.exchangeRates ?? {} }),
    quoteProperties,
  };
}

/** Everyone a route names (its approvers, and those it skipped or moved past), with their names now. */
export async function routePeople(queries: QueryBus, route: ApprovalRoute): Promise<Array<{ id: string; name: string; active: boolean }>> {
  const ids = route.steps.flatMap((s) =>
    s.groups.flatMap((g) => [...g.approverIds, ...g.refs.flatMap((r) => (r.kind === 'user' ? [r.userId] : [])), ...g.notes.flatMap((n) => (n.code === 'moved-up' ? [n.skipped, n.to] : n.code === 'fallback' ? [n.to] : []))]),
  );
  const users = await findUsers(queries, [...new Set(ids.filter((id): id is string => !!id))]);
  return users.map(({ id, name, active }) => ({ id, name, active }));
}

/** A quote routed under this policy (version `policyVersion`), against the org and its deal as they are now. */
export async function routeUnder(queries: QueryBus, policy: ApprovalPolicyState, policyVersion: number, facts: QuoteApprovalFacts, today: Date): Promise<ApprovalVerdict> {
  if (!policy.requireApproval && policy.rules.length === 0) return { required: false, route: null, approverIds: [], complete: true };
  const org = await orgDirectory(queries);
  return routeQuote(policy, policyVersion, await routingFactsOf(queries, facts, org, today, policy), org);
}
