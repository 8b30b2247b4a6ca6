import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiTokenRepository } from '@qa/identity-domain';
import { ListApiTokensQuery, type ApiTokenSummary } from './list-api-tokens.query';

@QueryHandler(ListApiTokensQuery)
export class ListApiTokensHandler implements IQueryHandler<ListApiTokensQuery> {
  constructor(private readonly tokens: ApiTokenRepository) {}

  async execute({ userId }: ListApiTokensQuery): Promise<ApiTokenSummary[]> {
    const tokens = await this.tokens.listForUser(userId);
    return tokens.filter((t) => t.isActive()).map(({ id, name, prefix, createdAt, lastUsedAt }) => ({ id, name, prefix, createdAt, lastUsedAt }));
  }
}
