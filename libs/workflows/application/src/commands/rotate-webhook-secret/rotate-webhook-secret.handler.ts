import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { WorkflowErrors } from '@qa/workflows-domain';
import { ActionRegistry } from '../../actions/action-registry';
import { assignWebhookSecrets, WEBHOOK_ACTION_KEY } from '../../actions/webhook-secrets';
import { WorkflowRepository } from '../../ports/workflows.ports';
import type { SavedWorkflow } from '../create-workflow/create-workflow.command';
import { RotateWebhookSecretCommand } from './rotate-webhook-secret.command';

@CommandHandler(RotateWebhookSecretCommand)
export class RotateWebhookSecretHandler implements ICommandHandler<RotateWebhookSecretCommand> {
  constructor(
    private readonly workflows: WorkflowRepository,
    private readonly actions: ActionRegistry,
  ) {}

  async execute({ id, secretId, expectedVersion }: RotateWebhookSecretCommand): Promise<SavedWorkflow> {
    const workflow = await this.workflows.findById(id);
    if (!workflow) throw WorkflowErrors.notFound(id);
    workflow.checkVersion(expectedVersion);
    if (!workflow.actions.some((a) => a.key === WEBHOOK_ACTION_KEY && a.params?.['secretId'] === secretId)) throw WorkflowErrors.secretNotFound(id, secretId);
    const { actions, issued } = assignWebhookSecrets(workflow.actions, workflow.actions, new Set([secretId]));
    workflow.update({ ...workflow, actions }, this.actions.keys());
    await this.workflows.save(workflow);
    return { workflow, issuedSecrets: issued };
  }
}
