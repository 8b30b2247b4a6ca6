import { MikroORM, RequestContext } from '@mikro-orm/core';
import { CommandBus } from '@nestjs/cqrs';
import { CreateUserCommand } from '@qa/identity-application';
import { loginAttemptKey } from '@qa/identity-infrastructure';
import { REDIS } from '@qa/shared-redis';
import { ManualClock } from '@qa/shared-kernel';
import type { Redis } from 'ioredis';
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiTestApp, type ApiTestApp } from '../testing/api-test-app';

const hour = 3_600_000;
const day = 24 * hour;
const PROXY = '192.0.2.250';
/** A client address of this run only: Redis (and its login counters) is shared by every test file. */
const randomAddress = () => `10.${randomInt(1, 250)}.${randomInt(1, 250)}.${randomInt(1, 250)}`;

/** Session lifetimes, API-token expiry and the login throttle, over HTTP on real PostgreSQL and Redis, with a ManualClock. */
describe('sessions, API tokens and the login throttle', () => {
  const clock = new ManualClock('2026-12-01T08:00:00Z');
  let api: ApiTestApp;
  const run = randomUUID().slice(0, 8);

  beforeAll(async () => {
    api = await startApiTestApp(
      { SESSION_TTL_HOURS: '2', SESSION_ABSOLUTE_HOURS: '5', LOGIN_MAX_FAILURES: '5', LOGIN_MAX_FAILURES_PER_ADDRESS: '8', LOGIN_LOCKOUT_SECONDS: '120', TRUSTED_PROXIES: `${PROXY},2001:db8::/32` },
      { clock },
    );
  });
  afterAll(() => api?.close());

  const newUser = async (label: string) => {
    const email = `${label}-${run}@example.com`;
    await RequestContext.create(api.app.get(MikroORM).em.fork(), () => api.app.get(CommandBus).execute(new CreateUserCommand(email, label, 'rep', 'right password')));
    return email;
  };
  const login = (email: string, password: string, remoteAddress: string, headers: Record<string, string> = {}) =>
    api.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress, headers });
  const me = (headers: Record<string, string>) => api.request({ method: 'GET', url: '/api/v1/me', headers });

  describe('sessions', () => {
    it('end at the absolute lifetime even while in use, and after the idle lifetime without use', async () => {
      const email = await newUser('busy');
      const start = clock.now().getTime();
      const cookie = await api.logIn(email, 'right password');
      // Used every 90 minutes: the 2-hour idle lifetime never runs out…
      for (let t = 1.5; t < 5; t += 1.5) {
        clock.set(new Date(start + t * hour));
        expect((await me({ cookie })).statusCode, `after ${t} h`).toBe(200);
      }
      // …but 5 hours after the login the session is over.
      clock.set(new Date(start + 5 * hour));
      expect((await me({ cookie })).json()).toMatchObject({ statusCode: 401, code: 'AUTH.UNAUTHENTICATED' });

      const idle = await api.logIn(email, 'right password');
      clock.advance(2 * hour);
      expect((await me({ cookie: idle })).statusCode).toBe(401);
    });
  });

  describe('API tokens', () => {
    it('expire after the days chosen at creation (default 90, at most 365), and are no longer listed', async () => {
      const cookie = await api.logIn(await newUser('scripter'), 'right password');
      const create = (payload: Record<string, unknown>) => api.request({ method: 'POST', url: '/api/v1/me/api-tokens', payload, headers: { cookie } });
      const now = clock.now().getTime();
      const standard = await create({ name: 'default' });
      expect(standard.statusCode).toBe(201);
      expect(new Date(standard.json<{ expiresAt: string }>().expiresAt).getTime()).toBe(now + 90 * day);
      const week = await create({ name: 'a week', expiresInDays: 7 });
      const { token, id } = week.json<{ token: string; id: string; expiresAt: string }>();
      expect(new Date(week.json<{ expiresAt: string }>().expiresAt).getTime()).toBe(now + 7 * day);

      for (const expiresInDays of [0, 366, 1.5, '30', -1]) {
        const bad = await create({ name: 'bad', expiresInDays });
        expect(bad.statusCode, JSON.stringify(expiresInDays)).toBe(400);
        const body = bad.json<{ code: string; details: { fields: Array<{ field: string }> } }>();
        expect(body.code).toBe('VALIDATION_FAILED');
        expect(new Set(body.details.fields.map((f) => f.field))).toEqual(new Set(['expiresInDays']));
      }

      clock.set(new Date(now + 7 * day - 60_000));
      expect((await me({ authorization: `Bearer ${token}` })).statusCode).toBe(200);
      clock.set(new Date(now + 7 * day));
      expect((await me({ authorization: `Bearer ${token}` })).json()).toMatchObject({ statusCode: 401, code: 'AUTH.UNAUTHENTICATED' });
      // (The session of the creation has ended by now: a new one.)
      const sameUser = await api.logIn(`scripter-${run}@example.com`, 'right password');
      const listed = (await api.request({ method: 'GET', url: '/api/v1/me/api-tokens', headers: { cookie: sameUser } })).json<{ items: Array<{ id: string; name: string }> }>().items;
      expect(listed.map((t) => t.name)).toEqual(['default']);
      expect(listed.map((t) => t.id)).not.toContain(id);
      expect((await api.request({ method: 'DELETE', url: `/api/v1/me/api-tokens/${id}`, headers: { cookie: sameUser } })).statusCode).toBe(404);
    });

    it('record when they were last used, at most once a minute, and list it without the secret', async () => {
      const cookie = await api.logIn(await newUser('tracked'), 'right password');
      const { token, id } = (await api.request({ method: 'POST', url: '/api/v1/me/api-tokens', payload: { name: 'tracked' }, headers: { cookie } })).json<{ token: string; id: string }>();
      const lastUsed = async () => {
        const list = await api.request({ method: 'GET', url: '/api/v1/me/api-tokens', headers: { cookie } });
        expect(list.body).not.toContain(token);
        return list.json<{ items: Array<{ id: string; lastUsedAt: string | null; expiresAt: string; createdAt: string; name: string }> }>().items.find((t) => t.id === id)!;
      };
      expect((await lastUsed()).lastUsedAt).toBeNull();
      const first = clock.now();
      await me({ authorization: `Bearer ${token}` });
      expect((await lastUsed()).lastUsedAt).toBe(first.toISOString());
      clock.advance(30_000);
      await me({ authorization: `Bearer ${token}` });
      expect((await lastUsed()).lastUsedAt).toBe(first.toISOString());
      clock.advance(31_000);
      await me({ authorization: `Bearer ${token}` });
      expect((await lastUsed()).lastUsedAt).toBe(clock.now().toISOString());
      expect(Object.keys(await lastUsed()).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'prefix']);
    });
  });

  describe('login throttle', () => {
    it('counts every one of 20 wrong passwords sent at once, and gives no more than 5 of them a password check', async () => {
      const email = await newUser('bruteforced');
      const address = randomAddress();
      const responses = await Promise.all(Array.from({ length: 20 }, () => login(email, 'guess', address)));
      const statuses = responses.map((r) => r.statusCode);
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(15);
      const redis = api.app.get<Redis>(REDIS);
      expect(Number(await redis.get(loginAttemptKey('account', email)))).toBe(20);

      const locked = await login(email, 'right password', address);
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toMatchObject({ code: 'AUTH.TOO_MANY_ATTEMPTS' });
      const retryAfter = Number(locked.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(120);
      expect(locked.json<{ details: { retryAfterSeconds: number } }>().details.retryAfterSeconds).toBe(retryAfter);
    });

    it('locks an account whatever address the attempts come from, even for the right password', async () => {
      const email = await newUser('spread');
      for (let i = 0; i < 5; i++) expect((await login(email, 'guess', randomAddress())).statusCode).toBe(401);
      expect((await login(email, 'right password', randomAddress())).statusCode).toBe(429);
      expect((await login(email.toUpperCase(), 'right password', randomAddress())).statusCode).toBe(429);
    });

    it('locks an address whatever accounts it tries, without locking those accounts elsewhere', async () => {
      const email = await newUser('neighbour');
      const address = randomAddress();
      for (let i = 0; i < 8; i++) expect((await login(`nobody-${i}-${run}@example.com`, 'guess', address)).statusCode).toBe(401);
      expect((await login(email, 'right password', address)).statusCode).toBe(429);
      expect((await login(email, 'right password', randomAddress())).statusCode).toBe(200);
    });

    it('does not count right passwords against the address', async () => {
      const email = await newUser('regular');
      const address = randomAddress();
      for (let i = 0; i < 10; i++) expect((await login(email, 'right password', address)).statusCode).toBe(200);
    });

    it('takes the client address from X-Forwarded-For only from a trusted proxy', async () => {
      const client = randomAddress();
      for (let i = 0; i < 8; i++) expect((await login(`via-proxy-${i}-${run}@example.com`, 'guess', PROXY, { 'x-forwarded-for': client })).statusCode).toBe(401);
      // That client is locked, behind the proxy…
      expect((await login(`via-proxy-x-${run}@example.com`, 'guess', PROXY, { 'x-forwarded-for': client })).statusCode).toBe(429);
      // …also when it puts a made-up address in front of its own…
      expect((await login(`via-proxy-y-${run}@example.com`, 'guess', PROXY, { 'x-forwarded-for': `${randomAddress()}, ${client}` })).statusCode).toBe(429);
      // …while another client of the same proxy is not.
      expect((await login(`via-proxy-z-${run}@example.com`, 'guess', PROXY, { 'x-forwarded-for': randomAddress() })).statusCode).toBe(401);
    });

    it('ignores X-Forwarded-For from anyone else: a client cannot spread its attempts over made-up addresses', async () => {
      const peer = randomAddress();
      for (let i = 0; i < 8; i++) {
        const spoofed = { 'x-forwarded-for': randomAddress(), 'x-real-ip': randomAddress(), forwarded: `for=${randomAddress()}` };
        expect((await login(`spoof-${i}-${run}@example.com`, 'guess', peer, spoofed)).statusCode).toBe(401);
      }
      expect((await login(`spoof-x-${run}@example.com`, 'guess', peer, { 'x-forwarded-for': randomAddress() })).statusCode).toBe(429);
      expect((await login(`spoof-y-${run}@example.com`, 'guess', peer, { 'x-forwarded-for': `${PROXY}, ${randomAddress()}` })).statusCode).toBe(429);
    });
  });
});
