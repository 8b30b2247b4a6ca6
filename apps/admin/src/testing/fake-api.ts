// Test-only: an API client whose fetch is a small in-memory fake, for component and store specs.
// (Unit tests only. Browser tests in apps/admin-e2e always run against the real API.)
import { createApiClient, type ApiSchemas } from '@qa/shared-api-client';
import { setApiClient } from '../api/client';

export type FakeReply = { status: number; body?: unknown };
/** A fixed reply, or one made per request (a promise: the answer waits, e.g. to answer requests out of order). */
export type FakeRoute = FakeReply | ((request: { body: unknown; url: URL }) => FakeReply | Promise<FakeReply>);
export type FakeCall = { method: string; path: string; body: unknown };

export const BASE_URL = 'http://admin.test';

export const ada: ApiSchemas['MeResponse'] = { id: 'u-ada', email: 'admin@example.com', name: 'Ada Admin', role: 'admin' };

export function apiError(statusCode: number, code: string, message = code): FakeReply {
  return { status: statusCode, body: { statusCode, code, message, details: null } };
}

/**
 * Installs a client whose fetch answers from `routes` (keys like `GET /api/v1/me`) and records
 * every call. Unknown routes answer 404 so a missing stub shows up as a failing assertion.
 */
export function installFakeApi(routes: Record<string, FakeRoute>) {
  const calls: FakeCall[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const text = await request.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    calls.push({ method: request.method, path: url.pathname, body });
    const route = routes[`${request.method} ${url.pathname}`];
    const reply = typeof route === 'function' ? await route({ body, url }) : (route ?? apiError(404, 'NOT_FOUND'));
    const hasBody = reply.body !== undefined && reply.status !== 204;
    return new Response(hasBody ? JSON.stringify(reply.body) : null, {
      status: reply.status,
      headers: hasBody ? { 'Content-Type': 'application/json' } : {},
    });
  };
  setApiClient(createApiClient(BASE_URL, fetchImpl as typeof fetch));
  return { calls };
}

/** GET /api/v1/quotes with no quotes (the Quotes page's empty state). */
export const noQuotes: FakeReply = { status: 200, body: { items: [], nextCursor: null, countsByStatus: {} } };
