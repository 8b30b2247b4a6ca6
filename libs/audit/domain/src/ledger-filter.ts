import { DomainError } from '@qa/shared-kernel';
import type { LedgerFilter } from './ledger';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const ID = /^[0-9a-fA-F-]{36}$/;

/**
 * The export's filter from its query text: `from` and `to` are ISO 8601 dates (a `to` date counts
 * its whole day, UTC) or date-times with a zone (`to` exclusive); `quoteId` a quote's id. A bad
 * one: 422 AUDIT.INVALID_LEDGER_FILTER naming each field and why.
 */
export function ledgerFilterOf(query: { from?: string; to?: string; quoteId?: string }): LedgerFilter {
  const fields: Array<{ field: string; reason: string }> = [];
  const instant = (field: 'from' | 'to'): Date | undefined => {
    const text = query[field];
    if (text === undefined || text === '') return undefined;
    const at = DATE.test(text) ? new Date(`${text}T00:00:00Z`) : DATE_TIME.test(text) ? new Date(text) : null;
    if (!at || Number.isNaN(at.getTime()) || (DATE.test(text) && at.toISOString().slice(0, 10) !== text)) {
      fields.push({ field, reason: 'must be an ISO 8601 date (2026-12-31) or date-time with a zone' });
      return undefined;
    }
    return field === 'to' && DATE.test(text) ? new Date(at.getTime() + 86_400_000) : at;
  };
  const from = instant('from');
  const to = instant('to');
  if (query.quoteId !== undefined && query.quoteId !== '' && !ID.test(query.quoteId)) fields.push({ field: 'quoteId', reason: 'must be a quote id' });
  if (from && to && from >= to) fields.push({ field: 'to', reason: 'must be after from' });
  if (fields.length) throw new DomainError('AUDIT.INVALID_LEDGER_FILTER', fields.map((f) => `${f.field} ${f.reason}`).join('; '), 'invalid', { fields });
  return { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(query.quoteId ? { quoteId: query.quoteId } : {}) };
}
