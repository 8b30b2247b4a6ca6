import { hashSecret } from '@qa/identity-application';
import { liveEventsChannel } from '@qa/shared-messaging';
import type { IntegrationEvent } from '@qa/shared-kernel';
import { TEST_REDIS_URL, waitUntil } from '@qa/shared-testing';
import { MikroORM } from '@mikro-orm/core';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiTestApp, type ApiTestApp } from '../testing/api-test-app';
import { openEventStream as openStream } from '../testing/event-stream';

describe('GET /api/v1/events/stream (server-sent events)', () => {
  let api: ApiTestApp;
  let baseUrl: string;
  const publisher = new Redis(TEST_REDIS_URL);

  beforeAll(async () => {
    api = await startApiTestApp({ QUEUE_PREFIX: `qa-live-${Date.now().toString(36)}` });
    await api.seedDemoUsers();
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await api.app.getUrl();
  });
  afterAll(async () => {
    publisher.disconnect();
    await api?.close();
  });

  const event = (id: string, payload: Record<string, unknown>): IntegrationEvent => ({
    id,
    name: 'quotes.quote.submitted.v1',
    occurredAt: new Date().toISOString(),
    aggregateType: 'quote',
    aggregateId: `q-${id}`,
    aggregateVersion: 2,
    actor: { type: 'system', id: null },
    correlationId: id,
    payload,
  });

  it('refuses a visitor who is not logged in', async () => {
    const response = await fetch(`${baseUrl}/api/v1/events/stream`);
    expect(response.status).toBe(401);
  });

  it("pushes each user the events they may see: a rep their own records', a manager all", async () => {
    const repCookie = await api.logIn('rep@example.com');
    const repId = (await api.request({ method: 'GET', url: '/api/v1/me', headers: { cookie: repCookie } })).json<{ id: string }>().id;
    const rep = await openStream(`${baseUrl}/api/v1/events/stream`, repCookie);
    const manager = await openStream(`${baseUrl}/api/v1/events/stream`, await api.logIn('manager@example.com'));
    try {
      expect(rep.response.headers.get('content-type')).toMatch(/text\/event-stream/);
      // Give both subscriptions a moment, then announce as a relay does.
      await new Promise((r) => setTimeout(r, 200));
      await publisher.publish(liveEventsChannel(api.config.worker.queuePrefix), JSON.stringify([event('mine', { ownerId: repId }), event('theirs', { ownerId: 'someone-else' })]));
      await waitUntil(async () => manager.received.length === 2 && rep.received.length >= 1, { timeoutMs: 5_000 });
      await new Promise((r) => setTimeout(r, 200));
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
  let api: ApiTestApp;
  let baseUrl: string;
  const publisher = new Redis(TEST_REDIS_URL);
  const url = () => `${baseUrl}/api/v1/events/stream`;
  const sql = (query: string, params: unknown[]) => api.app.get(MikroORM).em.fork().getConnection().execute(query, params);
  const userId = async (cookie: string) => (await api.request({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).json<{ id: string }>().id;
  const closedWith = (stream: Awaited<ReturnType<typeof openStream>>) => (stream.received.at(-1)?.event === 'stream.closed' ? (stream.received.at(-1)!.data as unknown as { code: string }).code : null);
  const publish = (events: IntegrationEvent[]) => publisher.publish(liveEventsChannel(api.config.worker.queuePrefix), JSON.stringify(events));
  const event = (id: string, ownerId: string): IntegrationEvent => ({
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

  beforeAll(async () => {
    api = await startApiTestApp({ QUEUE_PREFIX: `qa-live-${Date.now().toString(36)}`, LIVE_STREAM_RECHECK_MS: String(RECHECK_MS) });
    await api.seedDemoUsers();
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await api.app.getUrl();
  });
  afterAll(async () => {
    publisher.disconnect();
    await api?.close();
  });

  it('ends the stream of a session that logs out within the recheck time; reconnecting is refused', async () => {
    const cookie = await api.logIn('rep@example.com');
    const stream = await openStream(url(), cookie);
    try {
      expect(stream.response.status).toBe(200);
      await new Promise((r) => setTimeout(r, RECHECK_MS * 2));
      expect(stream.ended).toBe(false);
      const loggedOutAt = Date.now();
      expect((await api.request({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBeLessThan(300);
      await waitUntil(async () => stream.ended, { timeoutMs: 5_000 });
      expect(Date.now() - loggedOutAt).toBeLessThan(RECHECK_MS + 1_500);
      expect(closedWith(stream)).toBe('EVENTS.SESSION_ENDED');
      expect((await fetch(url(), { headers: { cookie } })).status).toBe(401);
    } finally {
      stream.close();
    }
  });

  it('does not keep an idle session alive: its checks do not extend the session', async () => {
    const cookie = await api.logIn('rep@example.com');
    const tokenHash = hashSecret(decodeURIComponent(cookie.split('=')[1]!));
    const stream = await openStream(url(), cookie);
    try {
      // The session is in the second half of its idle lifetime: a request by the person would extend it.
      const expiresAt = new Date(Date.now() + 60_000);
      await sql('update identity_session set expires_at = ? where token_hash = ?', [expiresAt, tokenHash]);
      // Nothing to wait for but time: several rechecks happen meanwhile.
      await new Promise((r) => setTimeout(r, RECHECK_MS * 4));
      expect(stream.ended).toBe(false);
      const [row] = await sql('select expires_at from identity_session where token_hash = ?', [tokenHash]);
      expect(new Date(row.expires_at).getTime()).toBe(expiresAt.getTime());
    } finally {
      stream.close();
    }
  });

  it('ends the stream when the session expires or the user is deactivated', async () => {
    const expiring = await api.logIn('rep@example.com');
    const deactivated = await api.logIn('rep2@example.com');
    const rep2Id = await userId(deactivated);
    const [a, b] = [await openStream(url(), expiring), await openStream(url(), deactivated)];
    try {
      await sql('update identity_session set expires_at = ? where token_hash = ?', [new Date(Date.now() - 1_000), hashSecret(decodeURIComponent(expiring.split('=')[1]!))]);
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
    const cookie = await api.logIn('rep@example.com');
    const token = (await api.request({ method: 'POST', url: '/api/v1/me/api-tokens', headers: { cookie }, payload: { name: 'live' } })).json<{ id: string; token: string }>();
    const stream = await openStream(url(), { authorization: `Bearer ${token.token}` });
    try {
      expect(stream.response.status).toBe(200);
      expect((await api.request({ method: 'DELETE', url: `/api/v1/me/api-tokens/${token.id}`, headers: { cookie } })).statusCode).toBeLessThan(300);
      await waitUntil(async () => stream.ended, { timeoutMs: 5_000 });
      expect(closedWith(stream)).toBe('EVENTS.SESSION_ENDED');
    } finally {
      stream.close();
    }
  });

  it("ends the stream when the user's role changes", async () => {
    const cookie = await api.logIn('manager@example.com');
    const managerId = await userId(cookie);
    const stream = await openStream(url(), cookie);
    try {
      await sql(`update identity_user set role = 'rep' where id = ?`, [managerId]);
      await waitUntil(async () => stream.ended, { timeoutMs: 5_000 });
      expect(closedWith(stream)).toBe('EVENTS.ROLE_CHANGED');
      // Reconnecting gets the stream of the new role: someone else's record no longer arrives.
      const again = await openStream(url(), cookie);
      try {
        await new Promise((r) => setTimeout(r, 200));
        await publish([event('other-1', 'someone-else'), event('own-1', managerId)]);
        await waitUntil(async () => again.received.length >= 1, { timeoutMs: 5_000 });
        await new Promise((r) => setTimeout(r, 200));
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
  let api: ApiTestApp;
  let baseUrl: string;
  const publisher = new Redis(TEST_REDIS_URL);

  beforeAll(async () => {
    api = await startApiTestApp({ QUEUE_PREFIX: `qa-live-${Date.now().toString(36)}`, LIVE_STREAM_RECHECK_MS: '300000' });
    await api.seedDemoUsers();
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await api.app.getUrl();
  });
  afterAll(async () => {
    publisher.disconnect();
    await api?.close();
  });

  it('never sends a demoted manager an event of a record they may no longer see, nor anything after a logout', async () => {
    const sql = (query: string, params: unknown[]) => api.app.get(MikroORM).em.fork().getConnection().execute(query, params);
    const managerCookie = await api.logIn('manager@example.com');
    const managerId = (await api.request({ method: 'GET', url: '/api/v1/me', headers: { cookie: managerCookie } })).json<{ id: string }>().id;
    const repCookie = await api.logIn('rep@example.com');
    const repId = (await api.request({ method: 'GET', url: '/api/v1/me', headers: { cookie: repCookie } })).json<{ id: string }>().id;
    const manager = await openStream(`${baseUrl}/api/v1/events/stream`, managerCookie);
    const rep = await openStream(`${baseUrl}/api/v1/events/stream`, repCookie);
    const event = (id: string, ownerId: string): IntegrationEvent => ({
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
    try {
      await new Promise((r) => setTimeout(r, 200));
      await sql(`update identity_user set role = 'rep' where id = ?`, [managerId]);
      expect((await api.request({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: repCookie } })).statusCode).toBeLessThan(300);
      await publisher.publish(liveEventsChannel(api.config.worker.queuePrefix), JSON.stringify([event('reps-quote', repId)]));
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
