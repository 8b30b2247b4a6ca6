import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@qa/shared-kernel';
import { WorkflowErrors } from '@qa/workflows-domain';
import { RunRepository, StepScheduler } from '../../ports/workflows.ports';
import { RetryWorkflowRunCommand } from './retry-workflow-run.command';

@CommandHandler(RetryWorkflowRunCommand)
export class RetryWorkflowRunHandler implements ICommandHandler<RetryWorkflowRunCommand> {
  constructor(
    private readonly runs: RunRepository,
    private readonly scheduler: StepScheduler,
    private readonly clock: Clock,
  ) {}

  async execute({ runId }: RetryWorkflowRunCommand): Promise<void> {
    const found = await this.runs.findRun(runId);
    if (!found) throw WorkflowErrors.runNotFound(runId);
    const failed = found.run.retry(found.steps, this.clock.now());
    await this.runs.saveRun(found.run, [failed]);
    // A job id of its own per retry: the failed step's earlier jobs stay in the failed set.
    await this.scheduler.schedule(runId, failed.index, { jobSuffix: `retry-${failed.attempts}` });
  }
}
