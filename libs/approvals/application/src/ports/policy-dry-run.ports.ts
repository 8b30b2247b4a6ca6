/** Ports of the approval policy's dry run; approvals-infrastructure and -api provide them. */
import type { ApprovalRoute } from '@qa/approvals-contracts';
import type { DecidedRound, DryRunResult, PolicyDryRun } from '@qa/approvals-domain';

/**
 * Dry runs. The state moves are conditional writes (each answers whether it moved), so a cancel
 * and the worker's next progress never overwrite each other.
 */
export abstract class PolicyDryRunRepository {
  abstract add(run: PolicyDryRun): Promise<void>;
  /** As stored now (not a cached copy). */
  abstract findById(id: string): Promise<PolicyDryRun | null>;
  /** queued → running. */
  abstract start(id: string): Promise<boolean>;
  /** While running: how many quotes it has looked at. */
  abstract progress(id: string, processed: number): Promise<boolean>;
  /** running → finished, with the report. */
  abstract finish(id: string, processed: number, result: DryRunResult, at: Date): Promise<boolean>;
  /** queued or running → cancelled. */
  abstract cancel(id: string, at: Date): Promise<boolean>;
  /** queued or running → failed. */
  abstract fail(id: string, at: Date): Promise<boolean>;
}

/** Puts a dry run on the queue the worker runs them from. */
export abstract class PolicyDryRunQueue {
  abstract enqueue(runId: string): Promise<void>;
}

/** What really happened, read in bulk for a dry run. */
export abstract class ApprovalHistoryReader {
  /** The route of each quote's latest round (quotes without a round are absent). */
  abstract latestRoutes(quoteIds: string[]): Promise<Map<string, ApprovalRoute>>;
  /** Every round with decisions made in it (for the approvers' response times), one call per run. */
  abstract decidedRounds(): Promise<DecidedRound[]>;
}

/** How a dry run reads its quotes: this many per page (500 unless configured). */
export class PolicyDryRunSettings {
  constructor(readonly pageSize = 500) {}
}
