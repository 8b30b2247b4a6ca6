import type { QuoteEventPayload } from '@qa/quotes-contracts';
import { formatMinor, type IntegrationEvent } from '@qa/shared-kernel';
import { PropertyChanged, type PropertyChangedPayload } from '@qa/workflows-contracts';

/** The record an event is about, and what it tells of the record's properties. */
export function recordOf(event: IntegrationEvent): { recordType: string; recordId: string; fields: Record<string, unknown> } | null {
  if (event.name === PropertyChanged.name) {
    const p = event.payload as PropertyChangedPayload;
    return { recordType: p.recordType, recordId: p.recordId, fields: {} };
  }
  if (event.aggregateType === 'approval-request') {
    const p = event.payload as { quoteId: string; approverIds: string[]; round: number; notes: string | null; decidedBy: string | null };
    return {
      recordType: 'quote',
      recordId: p.quoteId,
      fields: { approver: p.approverIds[0] ?? null, approverIds: p.approverIds, approvalRound: p.round, approvalNotes: p.notes, approvalDecidedBy: p.decidedBy },
    };
  }
  if (event.aggregateType === 'quote') {
    const p = event.payload as QuoteEventPayload;
    return {
      recordType: 'quote',
      recordId: p.quoteId,
      fields: {
        status: p.status,
        number: p.number,
        title: p.title,
        ownerId: p.ownerId,
        dealId: p.dealId,
        currency: p.currency,
        expiresOn: p.expiresOn,
        totalMinor: p.totalMinor,
        total: formatMinor(p.totalMinor, p.currency),
        effectiveDiscountPercent: (p.effectiveDiscountBp / 100).toFixed(2),
        largestLineDiscountPercent: (p.largestLineDiscountBp / 100).toFixed(2),
      },
    };
  }
  return null;
}
