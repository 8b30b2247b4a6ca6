import { Query } from '@nestjs/cqrs';

export interface ApiTokenSummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
}

/** The caller's active (not revoked, not expired) API tokens, never their secrets. */
export class ListApiTokensQuery extends Query<ApiTokenSummary[]> {
  constructor(readonly userId: string) {
    super();
  }
}
