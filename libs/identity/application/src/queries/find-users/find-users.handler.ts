import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { FindUsersQuery, type UserSummary } from '@qa/identity-contracts';
import { UserRepository } from '@qa/identity-domain';
import { toUserSummary } from '../../shared/user-summary';

/** Answers other contexts (through identity-contracts) with the users of these ids. */
@QueryHandler(FindUsersQuery)
export class FindUsersHandler implements IQueryHandler<FindUsersQuery, UserSummary[]> {
  constructor(private readonly users: UserRepository) {}

  async execute({ ids }: FindUsersQuery): Promise<UserSummary[]> {
    const wanted = new Set(ids);
    return (await this.users.list({})).filter((u) => wanted.has(u.id)).map(toUserSummary);
  }
}
