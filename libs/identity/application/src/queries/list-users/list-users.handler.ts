import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { FindUsersQuery, type UserSummary } from '@qa/identity-contracts';
import { UserRepository } from '@qa/identity-domain';
import { ListUsersQuery } from './list-users.query';

@QueryHandler(ListUsersQuery)
export class ListUsersHandler implements IQueryHandler<ListUsersQuery> {
  constructor(private readonly users: UserRepository) {}

  async execute({ filter }: ListUsersQuery): Promise<UserSummary[]> {
    const users = await this.users.list({ role: filter.roles });
    return users.map(({ id, email, name, role, active }) => ({ id, email, name, role, active }));
  }
}

@QueryHandler(FindUsersQuery)
export class FindUsersHandler implements IQueryHandler<FindUsersQuery, UserSummary[]> {
  constructor(private readonly users: UserRepository) {}

  async execute({ ids }: FindUsersQuery): Promise<UserSummary[]> {
    const wanted = new Set(ids);
    return (await this.users.list({})).filter((u) => wanted.has(u.id)).map(({ id, email, name, role, active }) => ({ id, email, name, role, active }));
  }
}
