import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { WorkflowErrors } from '@qa/workflows-domain';
import { RunRepository, type RunWithSteps } from '../../ports/workflows.ports';
import { GetWorkflowRunQuery } from './get-workflow-run.query';

@QueryHandler(GetWorkflowRunQuery)
export class GetWorkflowRunHandler implements IQueryHandler<GetWorkflowRunQuery> {
  constructor(private readonly runs: RunRepository) {}

  async execute({ runId }: GetWorkflowRunQuery): Promise<RunWithSteps> {
    const found = await this.runs.findRun(runId);
    if (!found) throw WorkflowErrors.runNotFound(runId);
    return found;
  }
}
