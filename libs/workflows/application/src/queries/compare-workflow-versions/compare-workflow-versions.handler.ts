import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { compareWorkflows, workflowVersionNotFound } from '@qa/workflows-domain';
import { WorkflowVersionRepository } from '../../ports/workflows.ports';
import { CompareWorkflowVersionsQuery, type WorkflowComparison } from './compare-workflow-versions.query';

@QueryHandler(CompareWorkflowVersionsQuery)
export class CompareWorkflowVersionsHandler implements IQueryHandler<CompareWorkflowVersionsQuery, WorkflowComparison> {
  constructor(private readonly versions: WorkflowVersionRepository) {}

  async execute({ workflowId, from, to }: CompareWorkflowVersionsQuery): Promise<WorkflowComparison> {
    const [a, b] = await Promise.all([this.versions.get(workflowId, from), this.versions.get(workflowId, to)]);
    if (!a) throw workflowVersionNotFound(workflowId, from);
    if (!b) throw workflowVersionNotFound(workflowId, to);
    return { from: a, to: b, differences: compareWorkflows(a.snapshot, b.snapshot) };
  }
}
