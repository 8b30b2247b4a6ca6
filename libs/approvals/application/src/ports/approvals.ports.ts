/** Ports the approvals use cases need; approvals-infrastructure provides them. */
import type { ApprovalRequest, ApprovalSettings, Delegation, ApprovalTimer, PolicyVersion } from '@qa/approvals-domain';

export abstract class ApprovalSettingsRepository {
  /** The saved settings, or the initial ones before the first save. */
  abstract get(): Promise<ApprovalSettings>;
  /** Saves the settings and writes `version` (numbered here: the settings' version after the save) in the same transaction. */
  abstract save(settings: ApprovalSettings, version: PolicyVersion): Promise<void>;
}

/** The policy's saved versions: written only with a save of the settings, never changed or deleted. */
export abstract class PolicyVersionRepository {
  /** Newest first, those numbered below `before` (null: from the newest), at most `limit`. */
  abstract list(before: number | null, limit: number): Promise<PolicyVersion[]>;
  abstract get(version: number): Promise<PolicyVersion | null>;
}

export abstract class ApprovalRequestRepository {
  /** The latest round of a quote. */
  abstract findCurrent(quoteId: string): Promise<ApprovalRequest | null>;
  abstract findById(id: string): Promise<ApprovalRequest | null>;
  /** Every round of a quote, first to last. */
  abstract listForQuote(quoteId: string): Promise<ApprovalRequest[]>;
  /** Every pending round (of any quote), oldest first: delegations and deactivations change their open steps. */
  abstract listPending(): Promise<ApprovalRequest[]>;
  abstract save(request: ApprovalRequest): Promise<void>;
}

/** Approvers' out-of-office delegations. */
export abstract class DelegationRepository {
  abstract findById(id: string): Promise<Delegation | null>;
  /** Not cancelled and not over at `at` (started or not), of every approver: for overlaps, loops and stand-ins. */
  abstract listNotOver(at: Date): Promise<Delegation[]>;
  /** One approver's delegations, or everyone's (null), latest start first; `since`: only those ending after it. */
  abstract list(approverId: string | null, since: Date | null): Promise<Delegation[]>;
  abstract save(delegation: Delegation): Promise<void>;
}

export abstract class ApprovalTimerRepository {
  abstract findById(id: string): Promise<ApprovalTimer | null>;
  /** The timers of a round, of every step and state. */
  abstract listForRequest(requestId: string): Promise<ApprovalTimer[]>;
  /** Scheduled timers due at `now` or before, earliest first. */
  abstract listDue(now: Date, limit: number): Promise<ApprovalTimer[]>;
  abstract save(timer: ApprovalTimer): Promise<void>;
}

/** Puts a timer on the queue as a delayed job due at its time; the queue's worker fires it. */
export abstract class ApprovalTimerScheduler {
  abstract schedule(timer: { id: string; dueAt: Date }): Promise<void>;
  /** Takes a timer's job off the queue (it would find the timer ended anyway). */
  abstract unschedule(timerId: string): Promise<void>;
}
