import { Query } from '@nestjs/cqrs';
import type { StandIns } from '@qa/approvals-domain';

export interface StandInsNow {
  /** The moment judged by (the clock's now, unless asked for another). */
  at: Date;
  /** Who stands in for which of the approvers asked about (those with nobody are absent). */
  standIns: StandIns;
}

/**
 * Who stands in now for these approvers of a round (their delegations that hold, followed along
 * chains; never the round's owner or submitter, nor someone who may not approve: then the
 * account's fallback approver). Time is data: judged by the clock at `at` (default: now).
 */
export class FindStandInsQuery extends Query<StandInsNow> {
  constructor(
    readonly round: { ownerId: string; submittedBy: string | null },
    readonly approverIds: readonly string[],
    readonly at?: Date,
  ) {
    super();
  }
}
