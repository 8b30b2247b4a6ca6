// API clients beside the browser, each with its own demo user's session cookie: for set-up and for
// checking what the UI did against what the API says.
import { expect } from 'vitest';
import { request as playwrightRequest, type APIRequestContext } from 'playwright-core';
import { DEMO_PASSWORD } from './page-helpers';

export type ApiSessions<U extends string> = {
  /** The user's API client, logged in on first use. */
  as(who: U): Promise<APIRequestContext>;
  dispose(): Promise<void>;
};

export function apiSessions<U extends string>(baseUrl: string, users: Record<U, string>): ApiSessions<U> {
  const open = new Map<U, APIRequestContext>();
  return {
    async as(who) {
      const existing = open.get(who);
      if (existing) return existing;
      const context = await playwrightRequest.newContext({ baseURL: baseUrl });
      const login = await context.post('/api/v1/auth/login', { data: { email: users[who], password: DEMO_PASSWORD } });
      expect(login.status()).toBe(200);
      open.set(who, context);
      return context;
    },
    async dispose() {
      await Promise.all([...open.values()].map((context) => context.dispose()));
      open.clear();
    },
  };
}

/** The answer's JSON body, after checking its status. */
export async function json<T>(response: { status(): number; json(): Promise<unknown> }, status: number): Promise<T> {
  expect(response.status()).toBe(status);
  return (await response.json()) as T;
}

/** Switches "Require approval on all quotes" off again, as the other browser tests expect the account. */
export async function switchApprovalOff(admin: APIRequestContext): Promise<void> {
  const current = (await (await admin.get('/api/v1/approvals/settings')).json()) as { version: number; defaultApproverId: string | null };
  await admin.put('/api/v1/approvals/settings', {
    data: { requireApproval: false, defaultApproverId: current.defaultApproverId, rules: [], ...(current.version > 0 ? { version: current.version } : {}) },
  });
}
