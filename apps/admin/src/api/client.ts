// The one way the SPA talks to the API: the typed client generated from the API's OpenAPI document.
// Stores call `useApi()`; unit tests swap the client with `setApiClient()` (e.g. one built on a fake fetch).
import { createApiClient, type ApiClient, type ApiError } from '@qa/shared-api-client';

let client: ApiClient = createApiClient();

export function useApi(): ApiClient {
  return client;
}

export function setApiClient(next: ApiClient): void {
  client = next;
}

/** Narrows an unknown error body to the API's error shape `{ statusCode, code, message, details }`. */
export function isApiError(body: unknown): body is ApiError {
  return typeof body === 'object' && body !== null && typeof (body as ApiError).code === 'string';
}
