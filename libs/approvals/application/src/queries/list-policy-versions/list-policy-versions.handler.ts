import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { findUsers } from '../../shared/approval-lookups';
import { PolicyVersionRepository } from '../../ports/approvals.ports';
import { ListPolicyVersionsQuery, type PolicyVersionPage } from './list-policy-versions.query';

@QueryHandler(ListPolicyVersionsQuery)
export class ListPolicyVersionsHandler implements IQueryHandler<ListPolicyVersionsQuery, PolicyVersionPage> {
  constructor(
    private readonly versions: PolicyVersionRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ before, limit }: ListPolicyVersionsQuery): Promise<PolicyVersionPage> {
    // One more than asked tells whether another page follows.
    const rows = await this.versions.list(before, limit + 1);
    const page = rows.slice(0, limit);
    const authorIds = [...new Set(page.flatMap((v) => (v.authorId ? [v.authorId] : [])))];
    const names = new Map((await findUsers(this.queries, authorIds)).map((u) => [u.id, u.name]));
    return {
      items: page.map((version) => ({ version, authorName: (version.authorId && names.get(version.authorId)) || null })),
      nextBefore: rows.length > limit ? page.at(-1)!.version : null,
    };
  }
}
