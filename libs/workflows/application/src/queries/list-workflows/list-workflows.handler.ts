import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { RunRepository, WorkflowRepository } from '../../ports/workflows.ports';
import { ListWorkflowsQuery, type WorkflowWithRuns } from './list-workflows.query';

@QueryHandler(ListWorkflowsQuery)
export class ListWorkflowsHandler implements IQueryHandler<ListWorkflowsQuery> {
  constructor(
    private readonly workflows: WorkflowRepository,
    private readonly runs: RunRepository,
  ) {}

  async execute(): Promise<WorkflowWithRuns[]> {
    const workflows = await this.workflows.list();
    const counts = await this.runs.countRuns(workflows.map((w) => w.id));
    return workflows.map((workflow) => ({ workflow, runs: counts[workflow.id] ?? 0 }));
  }
}
