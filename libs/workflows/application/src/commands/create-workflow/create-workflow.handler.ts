import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@qa/shared-kernel';
import { WorkflowDefinition, WorkflowVersion } from '@qa/workflows-domain';
import { ActionRegistry } from '../../actions/action-registry';
import { assignWebhookSecrets } from '../../actions/webhook-secrets';
import { WorkflowRepository } from '../../ports/workflows.ports';
import { CreateWorkflowCommand, type SavedWorkflow } from './create-workflow.command';

@CommandHandler(CreateWorkflowCommand)
export class CreateWorkflowHandler implements ICommandHandler<CreateWorkflowCommand> {
  constructor(
    private readonly workflows: WorkflowRepository,
    private readonly actions: ActionRegistry,
    private readonly clock: Clock,
  ) {}

  async execute({ spec, authorId, changeNote }: CreateWorkflowCommand): Promise<SavedWorkflow> {
    this.actions.checkParams(spec.actions);
    const { actions, issued } = assignWebhookSecrets(spec.actions, []);
    const workflow = WorkflowDefinition.create({ ...spec, actions }, this.actions.keys());
    // Its first version, in the save's transaction.
    await this.workflows.save(workflow, WorkflowVersion.of(workflow, authorId, changeNote, null, this.clock.now()));
    return { workflow, issuedSecrets: issued };
  }
}
