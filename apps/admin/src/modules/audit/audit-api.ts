// The audit log's call to the API, through the typed client only (an ApiResult: 403 for non-admins).
import type { ApiSchemas } from '@qa/shared-api-client';
import { useApi } from '../../api/client';
import { apiResult, type ApiResult } from '../../api/api-result';

export type AuditEntry = ApiSchemas['AuditEntryResponse'];
export type AuditEntryList = ApiSchemas['AuditEntryListResponse'];
/** A page of entries, newest first: `before` the previous page's `nextBefore`, `subjectType` only changes of that kind. */
export type AuditQuery = { limit: number; subjectType?: string; before?: string };

export function listAuditEntries(query: AuditQuery): Promise<ApiResult<AuditEntryList>> {
  return apiResult(useApi().GET('/api/v1/audit', { params: { query } }));
}
