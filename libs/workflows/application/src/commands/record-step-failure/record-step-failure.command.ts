import { Command } from '@nestjs/cqrs';

/** An attempt of a step failed: `final` (its last attempt) fails the step and the run (the failed set's twin). */
export class RecordStepFailureCommand extends Command<void> {
  constructor(
    readonly runId: string,
    readonly index: number,
    readonly error: string,
    readonly final: boolean,
  ) {
    super();
  }
}
