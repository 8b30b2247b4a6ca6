import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { WorkflowDefinition } from '@qa/workflows-domain';
import { ActionRegistry } from '../../actions/action-registry';
import { assignWebhookSecrets } from '../../actions/webhook-secrets';
import { WorkflowRepository } from '../../ports/workflows.ports';
import { CreateWorkflowCommand, type SavedWorkflow } from './create-workflow.command';

@CommandHandler(CreateWorkflowCommand)
export class CreateWorkflowHandler implements ICommandHandler<CreateWorkflowCommand> {
  constructor(
    private readonly workflows: WorkflowRepository,
    private readonly actions: ActionRegistry,
  ) {}

  async execute({ spec }: CreateWorkflowCommand): Promise<SavedWorkflow> {
    this.actions.checkParams(spec.actions);
    const { actions, issued } = assignWebhookSecrets(spec.actions, []);
    const workflow = WorkflowDefinition.create({ ...spec, actions }, this.actions.keys());
    await this.workflows.save(workflow);
    return { workflow, issuedSecrets: issued };
  }
}
