import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { WorkflowErrors, workflowVersionNotFound } from '@qa/workflows-domain';
import { WorkflowRepository, WorkflowVersionRepository } from '../../ports/workflows.ports';
import type { SavedWorkflow } from '../create-workflow/create-workflow.command';
import { UpdateWorkflowCommand } from '../update-workflow/update-workflow.command';
import { RestoreWorkflowVersionCommand } from './restore-workflow-version.command';

/**
 * The old definition saved as an edit would save it (checked the same way; webhook actions keep
 * the secret they still have by `secretId`, others get a new one), with `restoredFrom`.
 */
@CommandHandler(RestoreWorkflowVersionCommand)
export class RestoreWorkflowVersionHandler implements ICommandHandler<RestoreWorkflowVersionCommand> {
  constructor(
    private readonly workflows: WorkflowRepository,
    private readonly versions: WorkflowVersionRepository,
    private readonly commands: CommandBus,
  ) {}

  async execute({ workflowId, version, expectedVersion, authorId, changeNote }: RestoreWorkflowVersionCommand): Promise<SavedWorkflow> {
    if (!(await this.workflows.findById(workflowId))) throw WorkflowErrors.notFound(workflowId);
    const old = await this.versions.get(workflowId, version);
    if (!old) throw workflowVersionNotFound(workflowId, version);
    return this.commands.execute(new UpdateWorkflowCommand(workflowId, expectedVersion, structuredClone(old.snapshot), authorId, changeNote, version));
  }
}
