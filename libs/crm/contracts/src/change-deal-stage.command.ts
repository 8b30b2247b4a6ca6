import { Command } from '@nestjs/cqrs';
import type { DealStage } from './deal-stage';

/** Moves a deal to another stage (used by workflows). Send it on the CommandBus. */
export class ChangeDealStageCommand extends Command<void> {
  constructor(
    readonly dealId: string,
    readonly stage: DealStage,
  ) {
    super();
  }
}
