import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { WorkflowErrors } from '@qa/workflows-domain';
import { RunRepository, WorkflowRepository, type RunWithSteps } from '../../ports/workflows.ports';
import { ListWorkflowRunsQuery } from './list-workflow-runs.query';

@QueryHandler(ListWorkflowRunsQuery)
export class ListWorkflowRunsHandler implements IQueryHandler<ListWorkflowRunsQuery> {
  constructor(
    private readonly workflows: WorkflowRepository,
    private readonly runs: RunRepository,
  ) {}

  async execute({ workflowId, limit }: ListWorkflowRunsQuery): Promise<RunWithSteps[]> {
    if (!(await this.workflows.findById(workflowId))) throw WorkflowErrors.notFound(workflowId);
    return this.runs.listRuns(workflowId, limit);
  }
}
