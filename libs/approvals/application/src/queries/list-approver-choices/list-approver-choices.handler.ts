import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ListOrgDirectoryQuery, type UserSummary } from '@qa/identity-contracts';
import { canApprove } from '../../shared/approval-access';
import { ListApproverChoicesQuery, type ApproverChoice } from './list-approver-choices.query';

@QueryHandler(ListApproverChoicesQuery)
export class ListApproverChoicesHandler implements IQueryHandler<ListApproverChoicesQuery> {
  constructor(private readonly queries: QueryBus) {}

  async execute(): Promise<ApproverChoice[]> {
    const users: UserSummary[] = await this.queries.execute(new ListOrgDirectoryQuery());
    return users
      .filter(canApprove)
      .map((u) => ({ id: u.id, name: u.name, role: u.role as ApproverChoice['role'] }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }
}
