import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { FindUsersQuery, type UserSummary } from '@qa/identity-contracts';
import { UserRepository } from '@qa/identity-domain';
import { toUserSummary } from '../../shared/user-summary';

/** Answers other contexts (through identity-contracts) with the users of these ids. */
@QueryHandler(FindUsersQuery)
export class FindUsersHandler implements IQueryHandler<FindUsersQuery, UserSummary[]> {
  constructor(private readonly users: UserRepository) {}

  /** Reads only these users: every approval decision asks for its approver (not the whole org). */
  async execute({ ids }: FindUsersQuery): Promise<UserSummary[]> {
    return (await this.users.findByIds(ids)).map(toUserSummary);
  }
}
