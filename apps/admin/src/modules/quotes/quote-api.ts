// The quotes pages' calls to the API, through the typed client only. Each answers an ApiResult,
// so pages can tell a 404 from a 409 from a validation error without try/catch everywhere.
import type { ApiError, ApiSchemas } from '@qa/shared-api-client';
import { isApiError, useApi } from '../../api/client';

export type Quote = ApiSchemas['QuoteResponse'];
export type QuoteListItem = ApiSchemas['QuoteListItemResponse'];
export type QuoteDetailsRequest = ApiSchemas['QuoteDetailsRequest'];
export type SharedQuote = ApiSchemas['SharedQuoteResponse'];
export type Deal = ApiSchemas['DealResponse'];
export type Contact = ApiSchemas['ContactResponse'];
export type Company = ApiSchemas['CompanyResponse'];

export type ApiFailure = { ok: false; status: number; error: ApiError | null };
export type ApiResult<T> = { ok: true; data: T } | ApiFailure;

/** `status` 0: the API could not be reached. */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<ApiResult<T>> {
  try {
    const { data, error, response } = await request;
    if (response.ok && data !== undefined) return { ok: true, data };
    return { ok: false, status: response.status, error: isApiError(error) ? error : null };
  } catch {
    return { ok: false, status: 0, error: null };
  }
}

/** Field problems of a failed request (`details.fields`), or none. */
export function fieldProblems(failure: ApiFailure): Array<{ field: string; reason: string }> {
  const fields = failure.error?.details?.['fields'];
  if (!Array.isArray(fields)) return [];
  return fields.filter(
    (entry): entry is { field: string; reason: string } =>
      typeof entry === 'object' && entry !== null && typeof entry.field === 'string' && typeof entry.reason === 'string',
  );
}

export function getQuote(id: string): Promise<ApiResult<Quote>> {
  return call(useApi().GET('/api/v1/quotes/{id}', { params: { path: { id } } }));
}

export function createQuote(body: QuoteDetailsRequest): Promise<ApiResult<{ id: string }>> {
  return call(useApi().POST('/api/v1/quotes', { body }));
}

export function updateQuote(id: string, version: number, details: QuoteDetailsRequest): Promise<ApiResult<Quote>> {
  return call(useApi().PUT('/api/v1/quotes/{id}', { params: { path: { id } }, body: { ...details, version } }));
}

export function submitQuote(id: string, version: number): Promise<ApiResult<Quote>> {
  return call(useApi().POST('/api/v1/quotes/{id}/submit', { params: { path: { id } }, body: { version } }));
}

export function recallQuote(id: string, version: number): Promise<ApiResult<Quote>> {
  return call(useApi().POST('/api/v1/quotes/{id}/recall', { params: { path: { id } }, body: { version } }));
}

/** Pending approval back to Draft (the owner or an admin); the open round is cancelled. */
export function withdrawQuote(id: string, version: number): Promise<ApiResult<Quote>> {
  return call(useApi().POST('/api/v1/quotes/{id}/withdraw', { params: { path: { id } }, body: { version } }));
}

export async function searchDeals(search: string): Promise<Deal[]> {
  const result = await call(useApi().GET('/api/v1/crm/deals', { params: { query: search ? { search } : {} } }));
  return result.ok ? result.data.items : [];
}

/** Deals of a company (or all deals), to find one by id: the CRM has no look-up by id. */
export async function findDeal(dealId: string, companyId: string | null): Promise<Deal | null> {
  const result = await call(useApi().GET('/api/v1/crm/deals', { params: { query: companyId ? { companyId } : {} } }));
  return result.ok ? (result.data.items.find((deal) => deal.id === dealId) ?? null) : null;
}

export async function listContacts(companyId: string | null): Promise<Contact[]> {
  const result = await call(useApi().GET('/api/v1/crm/contacts', { params: { query: companyId ? { companyId } : {} } }));
  return result.ok ? result.data.items : [];
}

export async function findCompany(companyId: string): Promise<Company | null> {
  const result = await call(useApi().GET('/api/v1/crm/companies', {}));
  return result.ok ? (result.data.items.find((company) => company.id === companyId) ?? null) : null;
}

/** Names of users by id (who did each step of a quote's history); unknown ids are left out. */
export async function userNames(ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const result = await call(
    useApi().GET('/api/v1/users/names', {
      params: { query: { ids: unique } },
      querySerializer: { array: { style: 'form', explode: false } },
    }),
  );
  return new Map(result.ok ? result.data.items.map((person) => [person.id, person.name]) : []);
}

export function getSharedQuote(slug: string): Promise<ApiResult<SharedQuote>> {
  return call(useApi().GET('/api/v1/shared-quotes/{slug}', { params: { path: { slug } } }));
}

export function signSharedQuote(slug: string, signer: { name: string; email: string }): Promise<ApiResult<SharedQuote>> {
  return call(useApi().POST('/api/v1/shared-quotes/{slug}/sign', { params: { path: { slug } }, body: signer }));
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
