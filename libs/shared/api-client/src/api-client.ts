// The typed client of the REST API, generated from its OpenAPI document.
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths } from './schema';
export type ApiSchemas = components['schemas'];
/** The error body every endpoint answers with on failure. */
export type ApiError = components['schemas']['ErrorResponse'];

export function createApiClient(baseUrl = '', fetchImpl?: typeof fetch) {
  return createClient<paths>({ baseUrl, credentials: 'same-origin', ...(fetchImpl ? { fetch: fetchImpl } : {}) });
}

export type ApiClient = ReturnType<typeof createApiClient>;
