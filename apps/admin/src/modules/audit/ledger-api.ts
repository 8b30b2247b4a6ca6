// The approval ledger's calls (admins): verify through the typed client; exports are downloads,
// so the SPA only builds their links.
import type { ApiSchemas } from '@qa/shared-api-client';
import { useApi } from '../../api/client';
import { apiResult, type ApiResult } from '../../api/api-result';

export type LedgerVerdict = ApiSchemas['LedgerVerifyResponse'];

export function verifyLedger(): Promise<ApiResult<LedgerVerdict>> {
  return apiResult(useApi().POST('/api/v1/audit/ledger/verify'));
}

/** The export's URL: `format` jsonl or csv, optional dates (YYYY-MM-DD, the `to` day included). */
export function ledgerExportUrl(format: 'jsonl' | 'csv', range: { from: string; to: string }): string {
  const query = new URLSearchParams({ format });
  if (range.from) query.set('from', range.from);
  if (range.to) query.set('to', range.to);
  return `/api/v1/audit/ledger/export?${query.toString()}`;
}
