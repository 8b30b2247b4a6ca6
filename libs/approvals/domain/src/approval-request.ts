import { ApprovalRequestApproved, ApprovalRequestChangesRequested, ApprovalRequestOpened, type ApprovalRequestPayload } from '@qa/approvals-contracts';
import { AggregateRoot, DomainError, uuidv7 } from '@qa/shared-kernel';

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

export const ApprovalErrors = {
  notFound: (id: string) => new DomainError('APPROVALS.NOT_FOUND', `No approval request for ${id}`, 'not-found', { id }),
  notAnApprover: () => new DomainError('APPROVALS.NOT_AN_APPROVER', 'You are not an approver of this round', 'forbidden'),
  ownQuote: () => new DomainError('APPROVALS.OWN_QUOTE', 'You cannot approve your own quote', 'forbidden'),
  submitterCannotDecide: () => new DomainError('APPROVALS.SUBMITTER_CANNOT_DECIDE', 'You submitted this round, so someone else must decide it', 'forbidden'),
  /** Checked at the moment of the decision: the approver was deactivated or is no longer a manager or admin. */
  approverNotEligible: () => new DomainError('APPROVALS.APPROVER_NOT_ELIGIBLE', 'Only active managers and admins may decide; your account may no longer approve', 'forbidden'),
  /** The quote is no longer Pending approval at the version this round reviews (withdrawn, expired, changed). */
  roundClosed: (round: number, quoteStatus: string | null) =>
    new DomainError('APPROVALS.ROUND_CLOSED', `Round ${round} no longer counts: the quote changed since it was submitted`, 'conflict', { round, quoteStatus }),
  alreadyDecided: (status: RequestStatus) => new DomainError('APPROVALS.ALREADY_DECIDED', `This round is already ${status.replace('_', ' ')}`, 'conflict', { status }),
  staleRound: (round: number, current: number) =>
    new DomainError('APPROVALS.STALE_ROUND', `Round ${round} is over; the quote is in round ${current}`, 'conflict', { round, currentRound: current }),
  staleSettings: (expected: number, current: number) =>
    new DomainError('APPROVALS.STALE_SETTINGS', 'The settings were changed meanwhile; reload them', 'conflict', { expectedVersion: expected, currentVersion: current }),
  notesRequired: () => new DomainError('APPROVALS.NOTES_REQUIRED', 'Write notes for the quote owner', 'invalid', { fields: [{ field: 'notes', reason: 'must not be empty' }] }),
};

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

  /** A decision of one approver; `round` is the round they looked at. */
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

  /** The quote was recalled or resubmitted: this round no longer counts. */
  cancel(now = new Date()): void {
    if (this.status !== 'pending') return;
    this.status = 'cancelled';
    this.decidedAt = now;
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

/** What changed between two rounds, line by line (and the quote-level fields). */
export function diffSnapshots(before: QuoteSnapshot | null, after: QuoteSnapshot): { lines: LineChange[]; quote: Record<string, [unknown, unknown]> } {
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
