import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@qa/shared-kernel';
import { WorkflowErrors, WorkflowVersion } from '@qa/workflows-domain';
import { ActionRegistry } from '../../actions/action-registry';
import { assignWebhookSecrets } from '../../actions/webhook-secrets';
import { WorkflowRepository } from '../../ports/workflows.ports';
import type { SavedWorkflow } from '../create-workflow/create-workflow.command';
import { UpdateWorkflowCommand } from './update-workflow.command';

@CommandHandler(UpdateWorkflowCommand)
export class UpdateWorkflowHandler implements ICommandHandler<UpdateWorkflowCommand> {
  constructor(
    private readonly workflows: WorkflowRepository,
    private readonly actions: ActionRegistry,
    private readonly clock: Clock,
  ) {}

  async execute({ id, expectedVersion, spec, authorId, changeNote, restoredFrom }: UpdateWorkflowCommand): Promise<SavedWorkflow> {
    const workflow = await this.workflows.findById(id);
    if (!workflow) throw WorkflowErrors.notFound(id);
    workflow.checkVersion(expectedVersion);
    this.actions.checkParams(spec.actions);
    const { actions, issued } = assignWebhookSecrets(spec.actions, workflow.actions);
    workflow.update({ ...spec, actions }, this.actions.keys());
    await this.workflows.save(workflow, WorkflowVersion.of(workflow, authorId, changeNote, restoredFrom, this.clock.now()));
    return { workflow, issuedSecrets: issued };
  }
}
