import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiTokenRepository } from '@qa/identity-domain';
import { Clock } from '@qa/shared-kernel';
import { ListApiTokensQuery, type ApiTokenSummary } from './list-api-tokens.query';

@QueryHandler(ListApiTokensQuery)
export class ListApiTokensHandler implements IQueryHandler<ListApiTokensQuery> {
  constructor(
    private readonly tokens: ApiTokenRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ userId }: ListApiTokensQuery): Promise<ApiTokenSummary[]> {
    const now = this.clock.now();
    const tokens = await this.tokens.listForUser(userId);
    return tokens.filter((t) => t.isActive(now)).map(({ id, name, prefix, createdAt, expiresAt, lastUsedAt }) => ({ id, name, prefix, createdAt, expiresAt, lastUsedAt }));
  }
}
