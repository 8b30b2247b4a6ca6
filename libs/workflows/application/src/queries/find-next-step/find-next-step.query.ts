import { Query } from '@nestjs/cqrs';
import type { NextStep } from '@qa/workflows-domain';

/**
 * The step after a succeeded one, while the run is going (null otherwise): a redelivered job of a
 * done step makes sure the run goes on.
 */
export class FindNextStepQuery extends Query<NextStep | null> {
  constructor(
    readonly runId: string,
    readonly index: number,
  ) {
    super();
  }
}
