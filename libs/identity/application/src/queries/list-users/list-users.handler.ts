import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { FindUsersQuery, type UserSummary } from '@qa/identity-contracts';
import { UserRepository, type User } from '@qa/identity-domain';
import { ListUsersQuery } from './list-users.query';

/** What other contexts and the API may know of a user (never the password hash). */
export function toUserSummary({ id, email, name, role, active }: User): UserSummary {
  return { id, email, name, role, active };
}

@QueryHandler(ListUsersQuery)
export class ListUsersHandler implements IQueryHandler<ListUsersQuery> {
  constructor(private readonly users: UserRepository) {}

  async execute({ filter }: ListUsersQuery): Promise<UserSummary[]> {
    const users = await this.users.list({ role: filter.roles });
    return users.map(toUserSummary);
  }
}

@QueryHandler(FindUsersQuery)
export class FindUsersHandler implements IQueryHandler<FindUsersQuery, UserSummary[]> {
  constructor(private readonly users: UserRepository) {}

  async execute({ ids }: FindUsersQuery): Promise<UserSummary[]> {
    const wanted = new Set(ids);
    return (await this.users.list({})).filter((u) => wanted.has(u.id)).map(toUserSummary);
  }
}
