import { ApprovalRequestApproved, ApprovalRequestChangesRequested, ApprovalRequestOpened, type ApprovalRequestPayload, type ApprovalRequestSummary } from '@qa/approvals-contracts';
import { AggregateRoot, uuidv7 } from '@qa/shared-kernel';
import { ApprovalErrors } from './approval.errors';

export type RequestStatus = 'pending' | 'approved' | 'changes_requested' | 'cancelled';

export interface Decision {
  approverId: string;
  decision: 'approve' | 'request_changes';
  notes: string | null;
  at: string;
}

/** The quote as it was submitted for this round, to show what changed since the last one. */
export interface QuoteSnapshot {
  title: string;
  currency: string;
  total: string;
  quoteDiscount: string | null;
  lines: Array<{ id: string; productName: string; quantity: number; unitPrice: string; discount: string | null; net: string }>;
}

/** One round of review of one version of a quote, by its approvers. */
export class ApprovalRequest extends AggregateRoot {
  id!: string;
  version: number | undefined;
  quoteId!: string;
  quoteVersion!: number;
  round!: number;
  ownerId!: string;
  /** Who submitted this round (null for rounds opened before this was kept): never decides it. */
  submittedBy!: string | null;
  approverIds!: string[];
  mode!: 'any' | 'all';
  reasons!: string[];
  status!: RequestStatus;
  decisions!: Decision[];
  snapshot!: QuoteSnapshot;
  openedAt!: Date;
  decidedAt!: Date | null;

  protected get aggregateType() {
    return 'approval-request';
  }

  static open(props: {
    quoteId: string;
    quoteVersion: number;
    round: number;
    ownerId: string;
    submittedBy: string | null;
    approverIds: string[];
    mode: 'any' | 'all';
    reasons: string[];
    snapshot: QuoteSnapshot;
  }): ApprovalRequest {
    const request = Object.assign(new ApprovalRequest(), { id: uuidv7(), ...props, status: 'pending' as const, decisions: [], openedAt: new Date(), decidedAt: null });
    request.record(ApprovalRequestOpened, request.payload(null, null));
    return request;
  }

  /**
   * Whether this person may decide this round at all: not its owner, not whoever submitted it, one
   * of its approvers, and (`eligible`, read from identity at the moment of the decision) still an
   * active manager or admin. Says nothing about the round's state.
   */
  checkDecider(approver: { id: string; eligible: boolean }): void {
    if (approver.id === this.ownerId) throw ApprovalErrors.ownQuote();
    if (this.submittedBy !== null && approver.id === this.submittedBy) throw ApprovalErrors.submitterCannotDecide();
    if (!this.approverIds.includes(approver.id)) throw ApprovalErrors.notAnApprover();
    if (!approver.eligible) throw ApprovalErrors.approverNotEligible();
  }

  /** Whether the quote (as read now) is still Pending approval at the version this round reviews. */
  reviews(quote: { status: string; version: number } | null): boolean {
    return !!quote && quote.status === 'pending_approval' && quote.version === this.quoteVersion;
  }

  /** No decision lands on a quote changed since this round opened (withdrawn, expired, edited). */
  checkReviews(quote: { status: string; version: number } | null): void {
    if (!this.reviews(quote)) throw ApprovalErrors.roundClosed(this.round, quote?.status ?? null);
  }

  /**
   * Whether this approver could approve or request changes now: the round is pending, they are one
   * of its approvers (`eligible`: still an active manager or admin), neither its owner nor whoever
   * submitted it, and have not decided yet.
   */
  awaitsDecisionFrom(approver: { id: string; eligible: boolean }): boolean {
    return (
      approver.eligible &&
      this.status === 'pending' &&
      this.approverIds.includes(approver.id) &&
      approver.id !== this.ownerId &&
      approver.id !== this.submittedBy &&
      !this.decisions.some((d) => d.approverId === approver.id)
    );
  }

  /** A decision of one approver (approve, or request changes); `round` is the round they looked at. */
  decide(approver: { id: string; eligible: boolean }, round: number, decision: Decision['decision'], notes: string | null, now = new Date()): void {
    // Who first, then the round's state: someone who may not decide learns nothing about it.
    this.checkDecider(approver);
    const approverId = approver.id;
    if (round !== this.round) throw ApprovalErrors.staleRound(round, this.round);
    if (this.status !== 'pending') throw ApprovalErrors.alreadyDecided(this.status);
    if (this.decisions.some((d) => d.approverId === approverId)) throw ApprovalErrors.alreadyDecided(this.status);
    const cleanNotes = notes?.trim() || null;
    if (decision === 'request_changes' && !cleanNotes) throw ApprovalErrors.notesRequired();
    this.decisions = [...this.decisions, { approverId, decision, notes: cleanNotes, at: now.toISOString() }];
    if (decision === 'request_changes') {
      this.status = 'changes_requested';
      this.decidedAt = now;
      this.record(ApprovalRequestChangesRequested, this.payload(cleanNotes, approverId), now);
      return;
    }
    const approvals = new Set(this.decisions.filter((d) => d.decision === 'approve').map((d) => d.approverId));
    if (this.mode === 'any' || this.approverIds.every((id) => approvals.has(id))) {
      this.status = 'approved';
      this.decidedAt = now;
      this.record(ApprovalRequestApproved, this.payload(cleanNotes, approverId), now);
    }
  }

  /** The quote was recalled or resubmitted: this round no longer counts. False when it was no longer pending. */
  cancel(now = new Date()): boolean {
    if (this.status !== 'pending') return false;
    this.status = 'cancelled';
    this.decidedAt = now;
    return true;
  }

  /** The round as other contexts may know it. */
  summary(): ApprovalRequestSummary {
    return { requestId: this.id, quoteId: this.quoteId, quoteVersion: this.quoteVersion, round: this.round, status: this.status };
  }

  private payload(notes: string | null, decidedBy: string | null): ApprovalRequestPayload {
    return { requestId: this.id, quoteId: this.quoteId, round: this.round, ownerId: this.ownerId, approverIds: this.approverIds, notes, decidedBy };
  }
}

export interface LineChange {
  kind: 'added' | 'removed' | 'changed';
  productName: string;
  /** For changed lines: field → [before, after]. */
  changes: Record<string, [unknown, unknown]>;
}

/** What changed between two rounds: line by line, and the quote-level fields (field → [before, after]). */
export interface SnapshotChanges {
  lines: LineChange[];
  quote: Record<string, [unknown, unknown]>;
}

/** What changed between two rounds, line by line (and the quote-level fields). */
export function diffSnapshots(before: QuoteSnapshot | null, after: QuoteSnapshot): SnapshotChanges {
  if (!before) return { lines: [], quote: {} };
  const quote: Record<string, [unknown, unknown]> = {};
  for (const key of ['title', 'currency', 'total', 'quoteDiscount'] as const) if (before[key] !== after[key]) quote[key] = [before[key], after[key]];
  const lines: LineChange[] = [];
  const previous = new Map(before.lines.map((l) => [l.id, l]));
  for (const line of after.lines) {
    const old = previous.get(line.id);
    if (!old) {
      lines.push({ kind: 'added', productName: line.productName, changes: {} });
      continue;
    }
    previous.delete(line.id);
    const changes: Record<string, [unknown, unknown]> = {};
    for (const key of ['productName', 'quantity', 'unitPrice', 'discount', 'net'] as const) if (old[key] !== line[key]) changes[key] = [old[key], line[key]];
    if (Object.keys(changes).length) lines.push({ kind: 'changed', productName: line.productName, changes });
  }
  for (const removed of previous.values()) lines.push({ kind: 'removed', productName: removed.productName, changes: {} });
  return { lines, quote };
}
