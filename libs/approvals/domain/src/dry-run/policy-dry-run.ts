// A dry run of a draft approval policy: the policy as the editor has it (not saved), run in the
// worker over the last N submitted quotes, page by page. Its state moves queued → running →
// finished, or to cancelled (by its requester or an admin) or failed; progress is written after
// each page. The moves are conditional writes in the repository, so a cancel between two pages
// is never overwritten by the worker's next progress.
import { uuidv7 } from '@qa/shared-kernel';
import type { ApprovalPolicyState } from '../policy/approval-policy';
import type { DryRunResult } from './dry-run-tally';

export const DRY_RUN_STATES = ['queued', 'running', 'finished', 'cancelled', 'failed'] as const;
export type DryRunState = (typeof DRY_RUN_STATES)[number];

/** How many quotes a run looks at when the request does not say. */
export const DEFAULT_DRY_RUN_LIMIT = 1_000;
/** The most a run may be asked to look at by number (more: "all"). */
export const MAX_DRY_RUN_LIMIT = 100_000_000;

export class PolicyDryRun {
  id!: string;
  requestedBy!: string;
  createdAt!: Date;
  state!: DryRunState;
  /** The last N submitted quotes; null: every submitted quote. */
  limit!: number | null;
  /** The draft policy (checked as a save checks it). */
  policy!: ApprovalPolicyState;
  processed!: number;
  /** The quotes it will look at (min of the limit and the quotes submitted when it was asked for). */
  total!: number;
  result!: DryRunResult | null;
  finishedAt!: Date | null;

  static queue(props: { requestedBy: string; policy: ApprovalPolicyState; limit: number | null; total: number; now: Date }): PolicyDryRun {
    return Object.assign(new PolicyDryRun(), {
      id: uuidv7(props.now.getTime()),
      requestedBy: props.requestedBy,
      createdAt: props.now,
      state: 'queued' as const,
      limit: props.limit,
      policy: props.policy,
      processed: 0,
      total: props.total,
      result: null,
      finishedAt: null,
    });
  }
}

/** Still to run or running: a cancel stops it. */
export const dryRunIsOpen = (run: PolicyDryRun): boolean => run.state === 'queued' || run.state === 'running';
