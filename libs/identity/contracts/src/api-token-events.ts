import { integrationEvent } from '@qa/shared-kernel';

/** An API token as events carry it: its name and lifetime, never the token or its hash. */
export interface ApiTokenChangedPayload extends Record<string, unknown> {
  tokenId: string;
  userId: string;
  name: string;
  prefix: string;
  expiresAt: string;
  revoked: boolean;
}

export const ApiTokenCreated = integrationEvent<ApiTokenChangedPayload>('identity.api-token.created.v1');
export const ApiTokenRevoked = integrationEvent<ApiTokenChangedPayload>('identity.api-token.revoked.v1');
