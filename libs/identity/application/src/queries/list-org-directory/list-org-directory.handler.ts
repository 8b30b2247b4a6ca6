import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ListOrgDirectoryQuery, type UserSummary } from '@qa/identity-contracts';
import { UserRepository } from '@qa/identity-domain';
import { toUserSummary } from '../../shared/user-summary';

/** Answers other contexts (approval routing, through identity-contracts) with the whole org: every user, active or not. */
@QueryHandler(ListOrgDirectoryQuery)
export class ListOrgDirectoryHandler implements IQueryHandler<ListOrgDirectoryQuery, UserSummary[]> {
  constructor(private readonly users: UserRepository) {}

  async execute(): Promise<UserSummary[]> {
    return (await this.users.list({})).map(toUserSummary);
  }
}
