import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@qa/shared-kernel';
import { renderTemplate, WorkflowErrors, WorkflowRun } from '@qa/workflows-domain';
import { ActionFailure } from '../../actions/action-failure';
import { ActionRegistry } from '../../actions/action-registry';
import { PropertyStore, RunRepository } from '../../ports/workflows.ports';
import { RunStepCommand, type StepOutcome } from './run-step.command';

/** Renders a template param: text through the template, anything else as its text. */
const render = (template: unknown, context: Record<string, unknown>): string =>
  typeof template === 'string' ? renderTemplate(template, context) : template === undefined || template === null ? '' : String(template);

@CommandHandler(RunStepCommand)
export class RunStepHandler implements ICommandHandler<RunStepCommand> {
  constructor(
    private readonly runs: RunRepository,
    private readonly properties: PropertyStore,
    private readonly actions: ActionRegistry,
    private readonly clock: Clock,
  ) {}

  async execute({ runId, index }: RunStepCommand): Promise<StepOutcome> {
    const found = await this.runs.findRun(runId);
    if (!found) throw WorkflowErrors.runNotFound(runId);
    const { run, steps } = found;
    const step = steps.find((s) => s.index === index)!;
    if (step.status === 'succeeded') return { next: WorkflowRun.stepAfter(steps, index, null) };
    const action = this.actions.get(step.actionKey);
    if (!action) throw new ActionFailure(`No action ${step.actionKey} is installed`);
    const record = await this.properties.snapshot(run.recordType, run.recordId);
    const templateContext = { record, event: run.context['event'], run: { id: run.id, workflow: run.workflowName } };
    const result = await action.execute(step.params, { run, step, record, templateContext, sourceKey: step.sourceKey(), render: (template) => render(template, templateContext) });
    const next = run.completeStep(steps, step, result, this.clock.now());
    await this.runs.saveRun(run, [step]);
    return { next };
  }
}
