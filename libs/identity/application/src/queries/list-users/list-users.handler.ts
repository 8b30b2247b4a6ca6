import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { UserSummary } from '@qa/identity-contracts';
import { UserRepository } from '@qa/identity-domain';
import { toUserSummary } from '../../shared/user-summary';
import { ListUsersQuery } from './list-users.query';

@QueryHandler(ListUsersQuery)
export class ListUsersHandler implements IQueryHandler<ListUsersQuery> {
  constructor(private readonly users: UserRepository) {}

  async execute({ filter }: ListUsersQuery): Promise<UserSummary[]> {
    const users = await this.users.list({ role: filter.roles });
    return users.map(toUserSummary);
  }
}
