import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { WorkflowErrors } from '@qa/workflows-domain';
import { RunRepository, WorkflowRepository } from '../../ports/workflows.ports';
import type { WorkflowWithRuns } from '../list-workflows/list-workflows.query';
import { GetWorkflowQuery } from './get-workflow.query';

@QueryHandler(GetWorkflowQuery)
export class GetWorkflowHandler implements IQueryHandler<GetWorkflowQuery> {
  constructor(
    private readonly workflows: WorkflowRepository,
    private readonly runs: RunRepository,
  ) {}

  async execute({ id }: GetWorkflowQuery): Promise<WorkflowWithRuns> {
    const workflow = await this.workflows.findById(id);
    if (!workflow) throw WorkflowErrors.notFound(id);
    return { workflow, runs: (await this.runs.countRuns([id]))[id] ?? 0 };
  }
}
