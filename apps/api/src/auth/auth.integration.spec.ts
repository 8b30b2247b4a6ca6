import { MikroORM, RequestContext } from '@mikro-orm/core';
import { CommandBus } from '@nestjs/cqrs';
import { CreateUserCommand } from '@qa/identity-application';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiTestApp, type ApiTestApp } from '../testing/api-test-app';

/** Identity over HTTP, on real PostgreSQL and Redis. */
describe('login, sessions, API tokens and roles', () => {
  let api: ApiTestApp;
  // A fresh client address per test run keeps the Redis failure counters of runs apart.
  const address = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

  beforeAll(async () => {
    api = await startApiTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_SECONDS: '60' });
    await api.seedDemoUsers();
  });
  afterAll(() => api?.close());

  const login = (email: string, password: string, remoteAddress = address) =>
    api.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress });

  it('logs in with the right password into an httpOnly, SameSite=Strict session cookie', async () => {
    const response = await login('manager@example.com', 'demo');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ email: 'manager@example.com', name: 'Max Manager', role: 'manager' });
    const cookie = response.cookies.find((c) => c.name === 'qa_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.value).toMatch(/^qa_s_/);

    const me = await api.request({ method: 'GET', url: '/api/v1/me', headers: { cookie: `qa_session=${cookie.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: 'manager@example.com', name: 'Max Manager', role: 'manager' });
  });

  it('answers a wrong password and an unknown account with the same 401', async () => {
    const wrong = await login('rep2@example.com', 'not-demo');
    const unknown = await login('ghost@example.com', 'demo');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toEqual({ statusCode: 401, code: 'AUTH.INVALID_CREDENTIALS', message: 'Wrong e-mail or password', details: {} });
    expect(wrong.cookies).toHaveLength(0);
  });

  it('rate-limits repeated failures of an account with 429 and Retry-After, even for the right password, from any address', async () => {
    // Not a demo account: the lock holds for every test file that shares this Redis.
    const email = `locked-${address}@example.com`;
    await RequestContext.create(api.app.get(MikroORM).em.fork(), () => api.app.get(CommandBus).execute(new CreateUserCommand(email, 'Locked Out', 'rep', 'demo')));
    for (let i = 0; i < 3; i++) expect((await login(email, 'wrong', address)).statusCode).toBe(401);
    const locked = await login(email, 'demo', address);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'AUTH.TOO_MANY_ATTEMPTS' });
    expect(locked.json<{ details: { retryAfterSeconds: number } }>().details.retryAfterSeconds).toBeGreaterThan(0);
    expect(Number(locked.headers['retry-after'])).toBe(locked.json<{ details: { retryAfterSeconds: number } }>().details.retryAfterSeconds);
    expect((await login(email, 'demo', '198.51.100.7')).statusCode).toBe(429);
  });

  it('names each invalid field and changes nothing', async () => {
    const response = await api.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'not-an-email', password: '', role: 'admin' } });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ code: string; details: { fields: Array<{ field: string; reason: string }> } }>();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details.fields.map((f) => f.field).sort()).toEqual(['email', 'password', 'role']);
    expect(response.cookies).toHaveLength(0);
  });

  it('answers malformed JSON and unknown routes with the one error body', async () => {
    const malformed = await api.request({ method: 'POST', url: '/api/v1/auth/login', payload: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST' });
    const missing = await api.request({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', details: {} });
  });

  it('requires a session for /me and ends it at logout', async () => {
    expect((await api.request({ method: 'GET', url: '/api/v1/me' })).json()).toMatchObject({ statusCode: 401, code: 'AUTH.UNAUTHENTICATED' });
    const cookie = await api.logIn('rep2@example.com');
    const logout = await api.request({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(logout.statusCode).toBe(204);
    expect(logout.cookies.find((c) => c.name === 'qa_session')?.value).toBe('');
    expect((await api.request({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write from another origin', async () => {
    const cookie = await api.logIn('rep2@example.com');
    const response = await api.request({
      method: 'POST',
      url: '/api/v1/me/api-tokens',
      payload: { name: 'x' },
      headers: { cookie, origin: 'https://evil.example', host: 'localhost:3000' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'AUTH.CROSS_ORIGIN' });
  });

  it('issues bearer API tokens for scripts, shown once, that stop working when revoked', async () => {
    const cookie = await api.logIn('admin@example.com');
    const created = await api.request({ method: 'POST', url: '/api/v1/me/api-tokens', payload: { name: 'export script' }, headers: { cookie } });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json<{ id: string; token: string }>();
    expect(token).toMatch(/^qa_t_/);

    const viaToken = await api.request({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(viaToken.json()).toMatchObject({ email: 'admin@example.com', role: 'admin' });
    const list = await api.request({ method: 'GET', url: '/api/v1/me/api-tokens', headers: { cookie } });
    expect(JSON.stringify(list.json())).not.toContain(token);
    expect(list.json<{ items: Array<{ id: string }> }>().items.map((t) => t.id)).toContain(id);

    const someoneElse = await api.logIn('rep@example.com');
    expect((await api.request({ method: 'DELETE', url: `/api/v1/me/api-tokens/${id}`, headers: { cookie: someoneElse } })).statusCode).toBe(404);
    expect((await api.request({ method: 'DELETE', url: `/api/v1/me/api-tokens/${id}`, headers: { cookie } })).statusCode).toBe(204);
    expect((await api.request({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    expect((await api.request({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer qa_t_forged' } })).statusCode).toBe(401);
  });

  it('tells any logged-in user the names (only) of users by id', async () => {
    const admin = await api.logIn('admin@example.com');
    const users = (await api.request({ method: 'GET', url: '/api/v1/users', headers: { cookie: admin } })).json<{ items: Array<{ id: string; name: string }> }>().items;
    const rep = await api.logIn('rep@example.com');
    const ids = users.slice(0, 2).map((u) => u.id);
    const names = await api.request({ method: 'GET', url: `/api/v1/users/names?ids=${ids.join(',')}`, headers: { cookie: rep } });
    expect(names.json<{ items: Array<Record<string, string>> }>().items.sort((a, b) => a['id'].localeCompare(b['id']))).toEqual(
      users.slice(0, 2).map(({ id, name }) => ({ id, name })).sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect((await api.request({ method: 'GET', url: '/api/v1/users/names?ids=x', headers: { cookie: rep } })).statusCode).toBe(400);
    expect((await api.request({ method: 'GET', url: `/api/v1/users/names?ids=${ids[0]}` })).statusCode).toBe(401);
  });

  it('lets only admins list users, filtered by role to choose an approver', async () => {
    for (const email of ['rep@example.com', 'manager@example.com']) {
      const response = await api.request({ method: 'GET', url: '/api/v1/users', headers: { cookie: await api.logIn(email) } });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    }
    const admin = await api.logIn('admin@example.com');
    const all = await api.request({ method: 'GET', url: '/api/v1/users', headers: { cookie: admin } });
    // (The lock-out test adds a user of its own.)
    expect(all.json<{ items: Array<{ email: string }> }>().items.map((u) => u.email).filter((e) => !e.startsWith('locked-')).sort()).toEqual([
      'admin@example.com',
      'manager@example.com',
      'rep2@example.com',
      'rep@example.com',
    ]);
    expect(JSON.stringify(all.json())).not.toMatch(/password/i);
    const approvers = await api.request({ method: 'GET', url: '/api/v1/users?role=manager,admin', headers: { cookie: admin } });
    expect(approvers.json<{ items: Array<{ role: string }> }>().items.map((u) => u.role).sort()).toEqual(['admin', 'manager']);
    const bad = await api.request({ method: 'GET', url: '/api/v1/users?role=king', headers: { cookie: admin } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ details: { fields: Array<{ field: string }> } }>().details.fields[0].field).toBe('role');
  });
});
