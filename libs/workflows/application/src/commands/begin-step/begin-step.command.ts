import { Command } from '@nestjs/cqrs';

/**
 * What the step job should do: 'run' (the attempt began); 'skip' (nothing to do: the run is over or
 * the step done); 'wait' (an earlier run of the record goes first); 'missing' (no such run, yet or
 * ever); 'not-at-step' (a forged or stale job); `{ notBefore }` (the previous step's wait is not over).
 */
export type BeginStepOutcome = 'run' | 'skip' | 'wait' | 'missing' | 'not-at-step' | { notBefore: Date };

/**
 * A step job starts an attempt of step `index` of a run, in a transaction of its own (so failures
 * keep the count). Runs of one record act in the order of their events: so "approved" cannot
 * complete an approval task that "needs approval" has not created yet. Enrolment queues the first
 * step inside its transaction, so the job can arrive before the run commits ('missing'), or
 * never find it if that transaction rolled back.
 */
export class BeginStepCommand extends Command<BeginStepOutcome> {
  constructor(
    readonly runId: string,
    readonly index: number,
  ) {
    super();
  }
}
