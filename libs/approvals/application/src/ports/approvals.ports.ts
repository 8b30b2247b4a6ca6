/** Ports the approvals use cases need; approvals-infrastructure provides them. */
import type { ApprovalRequest, ApprovalSettings } from '@qa/approvals-domain';

export abstract class ApprovalSettingsRepository {
  /** The saved settings, or the initial ones before the first save. */
  abstract get(): Promise<ApprovalSettings>;
  abstract save(settings: ApprovalSettings): Promise<void>;
}

export abstract class ApprovalRequestRepository {
  /** The latest round of a quote. */
  abstract findCurrent(quoteId: string): Promise<ApprovalRequest | null>;
  abstract findById(id: string): Promise<ApprovalRequest | null>;
  /** Every round of a quote, first to last. */
  abstract listForQuote(quoteId: string): Promise<ApprovalRequest[]>;
  abstract save(request: ApprovalRequest): Promise<void>;
}
