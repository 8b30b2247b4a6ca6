import { MikroORM } from '@mikro-orm/core';
import { QueryBus } from '@nestjs/cqrs';
import { hashSecret, ResolveCallerQuery } from '@qa/identity-application';
import type { IntegrationEvent } from '@qa/shared-kernel';
import { waitUntil } from '@qa/shared-testing';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApiTestApp, type ApiTestApp } from '../testing/api-test-app';
import { LiveChannel, openEventStream as openStream, type EventStream } from '../testing/event-stream';

/** A quote event of `ownerId`'s record, as a relay announces it. */
const quoteEvent = (id: string, ownerId: string): IntegrationEvent => ({
  id,
  name: 'quotes.quote.submitted.v1',
  occurredAt: new Date().toISOString(),
  aggregateType: 'quote',
  aggregateId: `q-${id}`,
  aggregateVersion: 2,
  actor: { type: 'system', id: null },
  correlationId: id,
  payload: { ownerId },
});

/**
 * The API listening on a port of its own (a stream needs a real socket), with the demo users,
 * subscribed to its live-events channel; `channel` announces on it as a relay does.
 */
function liveApi(env: Record<string, string> = {}) {
  const live = {} as { api: ApiTestApp; url: string; channel: LiveChannel };
  beforeAll(async () => {
    live.api = await startApiTestApp({ QUEUE_PREFIX: `qa-live-${randomBytes(3).toString('hex')}`, ...env });
    await live.api.seedDemoUsers();
    await live.api.app.listen({ port: 0, host: '127.0.0.1' });
    live.url = `${await live.api.app.getUrl()}/api/v1/events/stream`;
    live.channel = new LiveChannel(live.api.config);
    await live.channel.subscribed();
  });
  afterAll(async () => {
    live.channel?.close();
    await live.api?.close();
  });
  return live;
}

describe('GET /api/v1/events/stream (server-sent events)', () => {
  const live = liveApi();

  it('refuses a visitor who is not logged in', async () => {
    const response = await fetch(live.url);
    expect(response.status).toBe(401);
  });

  it("pushes each user the events they may see: a rep their own records', a manager all", async () => {
    const repCookie = await live.api.logIn('rep@example.com');
    const repId = (await live.api.request({ method: 'GET', url: '/api/v1/me', headers: { cookie: repCookie } })).json<{ id: string }>().id;
    const rep = await openStream(live.url, repCookie);
    const manager = await openStream(live.url, await live.api.logIn('manager@example.com'));
    try {
      expect(rep.response.headers.get('content-type')).toMatch(/text\/event-stream/);
      await live.channel.publish([quoteEvent('mine', repId), quoteEvent('theirs', 'someone-else')]);
      await waitUntil(async () => manager.received.length === 2, { timeoutMs: 5_000 });
      // Everything announced before the fence has been sent to the rep, or filtered out.
      await live.channel.fence(rep, repId);
      expect(rep.received.map((m) => m.data.id)).toEqual(['mine']);
      expect(manager.received.map((m) => m.data.id)).toEqual(['mine', 'theirs']);
      expect(manager.received[0].event).toBe('quotes.quote.submitted.v1');
    } finally {
      rep.close();
      manager.close();
    }
  });
});

/** The stream's caller is checked again while it is open: from its session or token, as it is now. */
describe('GET /api/v1/events/stream: the stream ends with its right to it', () => {
  const RECHECK_MS = 300;
  const live = liveApi({ LIVE_STREAM_RECHECK_MS: String(RECHECK_MS) });
  const sql = (query: string, params: unknown[]) => live.api.app.get(MikroORM).em.fork().getConnection().execute(query, params);
  const userId = async (cookie: string) => (await live.api.request({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).json<{ id: string }>().id;
  const closedWith = (stream: EventStream) => (stream.received.at(-1)?.event === 'stream.closed' ? (stream.received.at(-1)!.data as unknown as { code: string }).code : null);
  const sessionToken = (cookie: string) => decodeURIComponent(cookie.split('=')[1]!);
  /** How many times the streams have looked up the session `token` (the checks that do not touch it). */
  const checksOf = (token: string) =>
    vi
      .mocked(live.api.app.get(QueryBus).execute)
      .mock.calls.filter(([query]) => query instanceof ResolveCallerQuery && query.options.touch === false && query.credentials.sessionToken === token).length;
  /**
   * Until the streams of `token` have finished `count` more checks (a stream starts a check only
   * once the one before is done, so `count + 1` started means `count` finished).
   */
  const checksDone = async (token: string, count: number) => {
    const start = checksOf(token);
    await waitUntil(async () => checksOf(token) >= start + count + 1, { timeoutMs: 10_000, intervalMs: 20, describe: () => `${checksOf(token) - start} checks` });
  };

  beforeAll(() => {
    vi.spyOn(live.api.app.get(QueryBus), 'execute');
  });

  it('ends the stream of a session that logs out within the recheck time; reconnecting is refused', async () => {
    const cookie = await live.api.logIn('rep@example.com');
    const stream = await openStream(live.url, cookie);
    try {
      expect(stream.response.status).toBe(200);
      await checksDone(sessionToken(cookie), 2);
      expect(stream.ended).toBe(false);
      const loggedOutAt = Date.now();
      expect((await live.api.request({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBeLessThan(300);
      await waitUntil(async () => stream.ended, { timeoutMs: 5_000 });
      expect(Date.now() - loggedOutAt).toBeLessThan(RECHECK_MS + 1_500);
      expect(closedWith(stream)).toBe('EVENTS.SESSION_ENDED');
      expect((await fetch(live.url, { headers: { cookie } })).status).toBe(401);
    } finally {
      stream.close();
    }
  });

  it('does not keep an idle session alive: its checks do not extend the session', async () => {
    const cookie = await live.api.logIn('rep@example.com');
    const tokenHash = hashSecret(sessionToken(cookie));
    const stream = await openStream(live.url, cookie);
    try {
      // The session is in the second half of its idle lifetime: a request by the person would extend it.
      const expiresAt = new Date(Date.now() + 60_000);
      await sql('update identity_session set expires_at = ? where token_hash = ?', [expiresAt, tokenHash]);
      await checksDone(sessionToken(cookie), 4);
      expect(stream.ended).toBe(false);
      const [row] = await sql('select expires_at from identity_session where token_hash = ?', [tokenHash]);
      expect(new Date(row.expires_at).getTime()).toBe(expiresAt.getTime());
    } finally {
      stream.close();
    }
  });

  it('ends the stream when the session expires or the user is deactivated', async () => {
    const expiring = await live.api.logIn('rep@example.com');
    const deactivated = await live.api.logIn('rep2@example.com');
    const rep2Id = await userId(deactivated);
    const [a, b] = [await openStream(live.url, expiring), await openStream(live.url, deactivated)];
    try {
      await sql('update identity_session set expires_at = ? where token_hash = ?', [new Date(Date.now() - 1_000), hashSecret(sessionToken(expiring))]);
      await sql('update identity_user set active = false where id = ?', [rep2Id]);
      await waitUntil(async () => a.ended && b.ended, { timeoutMs: 5_000 });
      expect([closedWith(a), closedWith(b)]).toEqual(['EVENTS.SESSION_ENDED', 'EVENTS.SESSION_ENDED']);
    } finally {
      a.close();
      b.close();
      await sql('update identity_user set active = true where id = ?', [rep2Id]);
    }
  });

  it('ends the stream of a revoked API token', async () => {
    const cookie = await live.api.logIn('rep@example.com');
    const token = (await live.api.request({ method: 'POST', url: '/api/v1/me/api-tokens', headers: { cookie }, payload: { name: 'live' } })).json<{ id: string; token: string }>();
    const stream = await openStream(live.url, { authorization: `Bearer ${token.token}` });
    try {
      expect(stream.response.status).toBe(200);
      expect((await live.api.request({ method: 'DELETE', url: `/api/v1/me/api-tokens/${token.id}`, headers: { cookie } })).statusCode).toBeLessThan(300);
      await waitUntil(async () => stream.ended, { timeoutMs: 5_000 });
      expect(closedWith(stream)).toBe('EVENTS.SESSION_ENDED');
    } finally {
      stream.close();
    }
  });

  it("ends the stream when the user's role changes", async () => {
    const cookie = await live.api.logIn('manager@example.com');
    const managerId = await userId(cookie);
    const stream = await openStream(live.url, cookie);
    try {
      await sql(`update identity_user set role = 'rep' where id = ?`, [managerId]);
      await waitUntil(async () => stream.ended, { timeoutMs: 5_000 });
      expect(closedWith(stream)).toBe('EVENTS.ROLE_CHANGED');
      // Reconnecting gets the stream of the new role: someone else's record no longer arrives.
      const again = await openStream(live.url, cookie);
      try {
        await live.channel.publish([quoteEvent('other-1', 'someone-else'), quoteEvent('own-1', managerId)]);
        await live.channel.fence(again, managerId);
        expect(again.received.map((m) => m.data.id)).toEqual(['own-1']);
      } finally {
        again.close();
      }
    } finally {
      stream.close();
      await sql(`update identity_user set role = 'manager' where id = ?`, [managerId]);
    }
  });
});

/** With a long recheck interval, only the check before each send stands between an event and a demoted user. */
describe('GET /api/v1/events/stream: each event is filtered by the caller as they are when it is sent', () => {
  const live = liveApi({ LIVE_STREAM_RECHECK_MS: '300000' });

  it('never sends a demoted manager an event of a record they may no longer see, nor anything after a logout', async () => {
    const sql = (query: string, params: unknown[]) => live.api.app.get(MikroORM).em.fork().getConnection().execute(query, params);
    const managerCookie = await live.api.logIn('manager@example.com');
    const managerId = (await live.api.request({ method: 'GET', url: '/api/v1/me', headers: { cookie: managerCookie } })).json<{ id: string }>().id;
    const repCookie = await live.api.logIn('rep@example.com');
    const repId = (await live.api.request({ method: 'GET', url: '/api/v1/me', headers: { cookie: repCookie } })).json<{ id: string }>().id;
    const manager = await openStream(live.url, managerCookie);
    const rep = await openStream(live.url, repCookie);
    try {
      await sql(`update identity_user set role = 'rep' where id = ?`, [managerId]);
      expect((await live.api.request({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: repCookie } })).statusCode).toBeLessThan(300);
      await live.channel.publish([quoteEvent('reps-quote', repId)]);
      await waitUntil(async () => manager.ended && rep.ended, { timeoutMs: 5_000 });
      expect(manager.received.map((m) => m.event)).toEqual(['stream.closed']);
      expect(rep.received.map((m) => m.event)).toEqual(['stream.closed']);
    } finally {
      manager.close();
      rep.close();
      await sql(`update identity_user set role = 'manager' where id = ?`, [managerId]);
    }
  });
});
