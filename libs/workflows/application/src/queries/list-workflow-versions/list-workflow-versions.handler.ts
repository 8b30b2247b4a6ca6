import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { FindUsersQuery, type UserSummary } from '@qa/identity-contracts';
import { WorkflowErrors, workflowVersionNotFound, type WorkflowVersion } from '@qa/workflows-domain';
import { WorkflowRepository, WorkflowVersionRepository } from '../../ports/workflows.ports';
import { GetWorkflowVersionQuery, ListWorkflowVersionsQuery, type WorkflowVersionPage } from './list-workflow-versions.query';

@QueryHandler(ListWorkflowVersionsQuery)
export class ListWorkflowVersionsHandler implements IQueryHandler<ListWorkflowVersionsQuery, WorkflowVersionPage> {
  constructor(
    private readonly workflows: WorkflowRepository,
    private readonly versions: WorkflowVersionRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ workflowId, before, limit }: ListWorkflowVersionsQuery): Promise<WorkflowVersionPage> {
    if (!(await this.workflows.findById(workflowId))) throw WorkflowErrors.notFound(workflowId);
    const rows = await this.versions.list(workflowId, before, limit + 1);
    const page = rows.slice(0, limit);
    const ids = [...new Set(page.flatMap((v) => (v.authorId && v.authorId !== 'system' ? [v.authorId] : [])))];
    const users: UserSummary[] = ids.length ? await this.queries.execute(new FindUsersQuery(ids)) : [];
    const names = new Map(users.map((u) => [u.id, u.name]));
    return {
      items: page.map((version) => ({ version, authorName: (version.authorId && names.get(version.authorId)) || null })),
      nextBefore: rows.length > limit ? page.at(-1)!.version : null,
    };
  }
}

@QueryHandler(GetWorkflowVersionQuery)
export class GetWorkflowVersionHandler implements IQueryHandler<GetWorkflowVersionQuery, WorkflowVersion> {
  constructor(private readonly versions: WorkflowVersionRepository) {}

  async execute({ workflowId, version }: GetWorkflowVersionQuery): Promise<WorkflowVersion> {
    const found = await this.versions.get(workflowId, version);
    if (!found) throw workflowVersionNotFound(workflowId, version);
    return found;
  }
}
