import { Command } from '@nestjs/cqrs';
import type { NextStep } from '@qa/workflows-domain';

export interface StepOutcome {
  /** The next step to schedule, if any, and when. */
  next: NextStep | null;
}

/** Runs the action of a begun step; records its result and moves the run on, in the caller's transaction. */
export class RunStepCommand extends Command<StepOutcome> {
  constructor(
    readonly runId: string,
    readonly index: number,
  ) {
    super();
  }
}
