import { Query } from '@nestjs/cqrs';
import type { OverdueStep } from '../../ports/workflows.ports';

/** Steps that should have moved on `graceMs` ago and have not (their job was lost or stuck). */
export class ListOverdueStepsQuery extends Query<OverdueStep[]> {
  constructor(
    readonly graceMs: number,
    readonly limit = 100,
  ) {
    super();
  }
}
