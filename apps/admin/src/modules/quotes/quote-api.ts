// The quotes area's calls to the API (list, detail, set-up, buyer's page), through the typed client
// only. Each answers an ApiResult (api/api-result.ts), so pages can tell a 404 from a 409 from a
// validation error without try/catch everywhere.
import type { ApiSchemas } from '@qa/shared-api-client';
import { useApi } from '../../api/client';
import { apiResult, type ApiResult } from '../../api/api-result';
import type { QuoteStatus } from './quote-status';

export type Quote = ApiSchemas['QuoteResponse'];
export type QuoteListItem = ApiSchemas['QuoteListItemResponse'];
export type QuoteList = ApiSchemas['QuoteListResponse'];
export type QuoteDetailsRequest = ApiSchemas['QuoteDetailsRequest'];
/** A quote body as for a save, plus the quote being edited (absent for a new quote). */
export type QuoteRoutePreviewRequest = ApiSchemas['QuoteRoutePreviewRequest'];
/** Whether a draft needs approval, from whom (the route, every step waiting) and why. */
export type ApprovalPreview = ApiSchemas['ApprovalPreviewResponse'];
export type SharedQuote = ApiSchemas['SharedQuoteResponse'];
export type Deal = ApiSchemas['DealResponse'];
export type Contact = ApiSchemas['ContactResponse'];
export type Company = ApiSchemas['CompanyResponse'];

export type QuoteListQuery = {
  statuses: readonly QuoteStatus[];
  /** Trimmed search text; empty: no search. */
  search: string;
  sort: 'updatedAt' | 'number' | 'total' | 'expiresOn';
  direction: 'asc' | 'desc';
  limit: number;
  cursor?: string;
};

/** One page of the quotes list (Sales → Quotes) with the counts per status. */
export function listQuotes(query: QuoteListQuery): Promise<ApiResult<QuoteList>> {
  return apiResult(
    useApi().GET('/api/v1/quotes', {
      params: {
        query: {
          ...(query.statuses.length ? { status: [...query.statuses] } : {}),
          ...(query.search ? { q: query.search } : {}),
          sort: query.sort,
          direction: query.direction,
          limit: query.limit,
          ...(query.cursor ? { cursor: query.cursor } : {}),
        },
      },
      // The API takes lists comma-separated: status=draft,signed.
      querySerializer: { array: { style: 'form', explode: false } },
    }),
  );
}

export function getQuote(id: string): Promise<ApiResult<Quote>> {
  return apiResult(useApi().GET('/api/v1/quotes/{id}', { params: { path: { id } } }));
}

export function createQuote(body: QuoteDetailsRequest): Promise<ApiResult<{ id: string }>> {
  return apiResult(useApi().POST('/api/v1/quotes', { body }));
}

/** A saved edit: the quote, and for one approved with limits how the edit stood against them. */
export type UpdatedQuote = ApiSchemas['UpdatedQuoteResponse'];

export function updateQuote(id: string, version: number, details: QuoteDetailsRequest): Promise<ApiResult<UpdatedQuote>> {
  return apiResult(useApi().PUT('/api/v1/quotes/{id}', { params: { path: { id } }, body: { ...details, version } }));
}

/** The approval route this draft would get if submitted now (nothing is saved; bad input answers 400/422 like a save). */
export function previewQuoteRoute(body: QuoteRoutePreviewRequest): Promise<ApiResult<ApprovalPreview>> {
  return apiResult(useApi().POST('/api/v1/quotes/approval-preview', { body }));
}

export function submitQuote(id: string, version: number): Promise<ApiResult<Quote>> {
  return apiResult(useApi().POST('/api/v1/quotes/{id}/submit', { params: { path: { id } }, body: { version } }));
}

export function recallQuote(id: string, version: number): Promise<ApiResult<Quote>> {
  return apiResult(useApi().POST('/api/v1/quotes/{id}/recall', { params: { path: { id } }, body: { version } }));
}

/** Pending approval back to Draft (the owner or an admin); the open round is cancelled. */
export function withdrawQuote(id: string, version: number): Promise<ApiResult<Quote>> {
  return apiResult(useApi().POST('/api/v1/quotes/{id}/withdraw', { params: { path: { id } }, body: { version } }));
}

export async function searchDeals(search: string): Promise<Deal[]> {
  const result = await apiResult(useApi().GET('/api/v1/crm/deals', { params: { query: search ? { search } : {} } }));
  return result.ok ? result.data.items : [];
}

/** Deals of a company (or all deals), to find one by id: the CRM has no look-up by id. */
export async function findDeal(dealId: string, companyId: string | null): Promise<Deal | null> {
  const result = await apiResult(useApi().GET('/api/v1/crm/deals', { params: { query: companyId ? { companyId } : {} } }));
  return result.ok ? (result.data.items.find((deal) => deal.id === dealId) ?? null) : null;
}

export async function listContacts(companyId: string | null): Promise<Contact[]> {
  const result = await apiResult(useApi().GET('/api/v1/crm/contacts', { params: { query: companyId ? { companyId } : {} } }));
  return result.ok ? result.data.items : [];
}

export async function findCompany(companyId: string): Promise<Company | null> {
  const result = await apiResult(useApi().GET('/api/v1/crm/companies', {}));
  return result.ok ? (result.data.items.find((company) => company.id === companyId) ?? null) : null;
}

/** Names of users by id (who did each step of a quote's history); unknown ids are left out. */
export async function userNames(ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const result = await apiResult(
    useApi().GET('/api/v1/users/names', {
      params: { query: { ids: unique } },
      querySerializer: { array: { style: 'form', explode: false } },
    }),
  );
  return new Map(result.ok ? result.data.items.map((person) => [person.id, person.name]) : []);
}

export function getSharedQuote(slug: string): Promise<ApiResult<SharedQuote>> {
  return apiResult(useApi().GET('/api/v1/shared-quotes/{slug}', { params: { path: { slug } } }));
}

export function signSharedQuote(slug: string, signer: { name: string; email: string }): Promise<ApiResult<SharedQuote>> {
  return apiResult(useApi().POST('/api/v1/shared-quotes/{slug}/sign', { params: { path: { slug } }, body: signer }));
}

/** The PDF of a shared quote: a plain link (a real download), not an API call. */
export function sharedQuotePdfHref(slug: string): string {
  return `/api/v1/shared-quotes/${encodeURIComponent(slug)}/pdf`;
}

/** The slug in a sharePath "/q/<slug>". */
export function slugOfSharePath(sharePath: string): string {
  return sharePath.replace(/^\/q\//, '');
}

/** The buyer's page as an absolute URL, for the clipboard. */
export function buyerUrl(sharePath: string): string {
  return new URL(sharePath, window.location.origin).toString();
}
