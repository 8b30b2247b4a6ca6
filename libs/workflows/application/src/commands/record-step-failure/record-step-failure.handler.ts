import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@qa/shared-kernel';
import { RunRepository } from '../../ports/workflows.ports';
import { RecordStepFailureCommand } from './record-step-failure.command';

@CommandHandler(RecordStepFailureCommand)
export class RecordStepFailureHandler implements ICommandHandler<RecordStepFailureCommand> {
  private readonly logger = new Logger('WorkflowSteps');

  constructor(
    private readonly runs: RunRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ runId, index, error, final }: RecordStepFailureCommand): Promise<void> {
    const found = await this.runs.findRun(runId);
    const step = found?.steps.find((s) => s.index === index);
    if (!found || !step) return;
    found.run.failStep(step, error, final, this.clock.now());
    await this.runs.saveRun(found.run, [step]);
    if (final) this.logger.warn(`run ${runId} failed at step ${index}: ${error}`);
  }
}
