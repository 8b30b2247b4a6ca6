import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@qa/shared-kernel';
import { WorkflowRun } from '@qa/workflows-domain';
import { RunRepository } from '../../ports/workflows.ports';
import { BeginStepCommand, type BeginStepOutcome } from './begin-step.command';

@CommandHandler(BeginStepCommand)
export class BeginStepHandler implements ICommandHandler<BeginStepCommand> {
  constructor(
    private readonly runs: RunRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ runId, index }: BeginStepCommand): Promise<BeginStepOutcome> {
    const found = await this.runs.findRun(runId);
    const step = found?.steps.find((s) => s.index === index);
    if (!found || !step) return 'missing';
    const { run, steps } = found;
    if (!run.isGoing() || step.isFinished()) return 'skip';
    const now = this.clock.now();
    // The job is a hint: only the step the run stands at runs, and not before a wait is over.
    if (!WorkflowRun.isAtStep(run, steps, index)) return 'not-at-step';
    const notBefore = WorkflowRun.resumesAt(steps, index, now);
    if (notBefore) return { notBefore };
    if (await this.runs.hasEarlierActiveRun(run, now)) return 'wait';
    run.beginStep(step, now);
    await this.runs.saveRun(run, [step]);
    return 'run';
  }
}
