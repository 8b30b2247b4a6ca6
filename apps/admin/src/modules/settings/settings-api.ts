// Settings' calls to the API (users, the caller's API tokens), through the typed client only.
// Each answers an ApiResult, so the sections can tell a refusal from a failure without try/catch.
import type { ApiSchemas } from '@qa/shared-api-client';
import { useApi } from '../../api/client';
import { apiResult, type ApiResult } from '../../api/api-result';

export type UserRow = ApiSchemas['UserResponse'];
export type UserChanges = ApiSchemas['ChangeUserRequest'];
export type TokenRow = ApiSchemas['ApiTokenResponse'];
export type CreatedToken = ApiSchemas['CreatedApiTokenResponse'];

export function listUsers(): Promise<ApiResult<{ items: UserRow[] }>> {
  return apiResult(useApi().GET('/api/v1/users'));
}

export function setUserActive(id: string, active: boolean): Promise<ApiResult<UserRow>> {
  const path = active ? '/api/v1/users/{id}/reactivate' : '/api/v1/users/{id}/deactivate';
  return apiResult(useApi().POST(path, { params: { path: { id } } }));
}

/** An admin changes a user's role, team and manager at once (fields left out stay). */
export function changeUser(id: string, changes: UserChanges): Promise<ApiResult<UserRow>> {
  return apiResult(useApi().PATCH('/api/v1/users/{id}', { params: { path: { id } }, body: changes }));
}

export function listApiTokens(): Promise<ApiResult<{ items: TokenRow[] }>> {
  return apiResult(useApi().GET('/api/v1/me/api-tokens'));
}

export function createApiToken(name: string, expiresInDays: number): Promise<ApiResult<CreatedToken>> {
  return apiResult(useApi().POST('/api/v1/me/api-tokens', { body: { name, expiresInDays } }));
}

export function revokeApiToken(id: string): Promise<ApiResult<unknown>> {
  return apiResult(useApi().DELETE('/api/v1/me/api-tokens/{id}', { params: { path: { id } } }));
}
