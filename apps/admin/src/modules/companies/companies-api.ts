// Settings → Companies' calls to the API (the CRM's companies), through the typed client only.
import type { ApiSchemas } from '@qa/shared-api-client';
import { useApi } from '../../api/client';
import { apiResult, type ApiResult } from '../../api/api-result';

export type CompanyRow = ApiSchemas['CompanyResponse'];
export type CompanyChanges = ApiSchemas['ChangeCompanyRequest'];

/** The companies whose name holds `search` (all without), by name; the API answers at most LIST_LIMIT. */
export function listCompanies(search: string): Promise<ApiResult<{ items: CompanyRow[] }>> {
  const text = search.trim();
  return apiResult(useApi().GET('/api/v1/crm/companies', { params: { query: text ? { search: text } : {} } }));
}

/** The most companies one answer holds. */
export const LIST_LIMIT = 200;

/** A manager or admin changes a company's name, domain and country (fields left out stay). */
export function changeCompany(id: string, changes: CompanyChanges): Promise<ApiResult<CompanyRow>> {
  return apiResult(useApi().PATCH('/api/v1/crm/companies/{id}', { params: { path: { id } }, body: changes }));
}
