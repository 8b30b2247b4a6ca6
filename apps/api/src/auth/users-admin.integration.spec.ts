import { MikroORM, RequestContext } from '@mikro-orm/core';
import { CommandBus } from '@nestjs/cqrs';
import { CreateUserCommand } from '@qa/identity-application';
import type { Role } from '@qa/shared-kernel';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiTestApp, type ApiTestApp } from '../testing/api-test-app';

/** Admins deactivate, reactivate and re-role users over HTTP; a deactivated user's credentials stop at once. */
describe('user administration', () => {
  let api: ApiTestApp;
  let admin: string;
  const run = randomUUID().slice(0, 8);

  beforeAll(async () => {
    api = await startApiTestApp();
    await api.seedDemoUsers();
    admin = await api.logIn('admin@example.com');
  });
  afterAll(() => api?.close());

  /** A user of this test only (demo accounts are shared by every test file through Redis' login counters). */
  const newUser = async (label: string, role: Role = 'rep') => {
    const email = `${label}-${run}@example.com`;
    const { id } = await RequestContext.create(api.app.get(MikroORM).em.fork(), () => api.app.get(CommandBus).execute(new CreateUserCommand(email, label, role, 'correct horse')));
    return { id, email, password: 'correct horse' };
  };
  const post = (url: string, cookie: string | null = admin) => api.request({ method: 'POST', url, headers: cookie ? { cookie } : {} });
  const me = (headers: Record<string, string>) => api.request({ method: 'GET', url: '/api/v1/me', headers });

  it("ends a deactivated user's session cookie and API token at once, and refuses their login like a wrong password", async () => {
    const user = await newUser('leaver');
    const cookie = await api.logIn(user.email, user.password);
    const token = (await api.request({ method: 'POST', url: '/api/v1/me/api-tokens', payload: { name: 'script' }, headers: { cookie } })).json<{ token: string }>().token;
    expect((await me({ cookie })).statusCode).toBe(200);
    expect((await me({ authorization: `Bearer ${token}` })).statusCode).toBe(200);

    const deactivated = await post(`/api/v1/users/${user.id}/deactivate`);
    expect(deactivated.statusCode).toBe(200);
    expect(deactivated.json()).toEqual({ id: user.id, email: user.email, name: 'leaver', role: 'rep', active: false, team: null, reportsTo: null });

    expect((await me({ cookie })).json()).toMatchObject({ statusCode: 401, code: 'AUTH.UNAUTHENTICATED' });
    expect((await me({ authorization: `Bearer ${token}` })).json()).toMatchObject({ statusCode: 401, code: 'AUTH.UNAUTHENTICATED' });
    // A write with the old credentials changes nothing either.
    expect((await api.request({ method: 'POST', url: '/api/v1/me/api-tokens', payload: { name: 'again' }, headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);

    const login = await api.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: user.password }, remoteAddress: '192.0.2.77' });
    const wrong = await api.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: 'not it' }, remoteAddress: '192.0.2.77' });
    expect(login.statusCode).toBe(401);
    expect(login.json()).toEqual(wrong.json());
    expect(login.cookies).toHaveLength(0);

    const listed = (await api.request({ method: 'GET', url: '/api/v1/users', headers: { cookie: admin } })).json<{ items: Array<{ id: string; active: boolean }> }>().items;
    expect(listed.find((u) => u.id === user.id)?.active).toBe(false);
  });

  it('lets a reactivated user log in again, without bringing back their old session or token', async () => {
    const user = await newUser('returner');
    const cookie = await api.logIn(user.email, user.password);
    expect((await post(`/api/v1/users/${user.id}/deactivate`)).statusCode).toBe(200);
    const reactivated = await post(`/api/v1/users/${user.id}/reactivate`);
    expect(reactivated.statusCode).toBe(200);
    expect(reactivated.json()).toMatchObject({ id: user.id, active: true });
    expect((await me({ cookie })).statusCode).toBe(401);
    expect((await me({ cookie: await api.logIn(user.email, user.password) })).statusCode).toBe(200);
  });

  it('refuses reps and managers (403), whoever the target, changing nothing', async () => {
    const target = await newUser('target');
    const targetCookie = await api.logIn(target.email, target.password);
    for (const email of ['rep@example.com', 'manager@example.com']) {
      const cookie = await api.logIn(email);
      for (const action of ['deactivate', 'reactivate']) {
        const response = await post(`/api/v1/users/${target.id}/${action}`, cookie);
        expect(response.statusCode, `${email} ${action}`).toBe(403);
        expect(response.json()).toMatchObject({ code: 'AUTH.FORBIDDEN' });
      }
      const patch = await api.request({ method: 'PATCH', url: `/api/v1/users/${target.id}`, payload: { role: 'admin' }, headers: { cookie } });
      expect(patch.statusCode).toBe(403);
      // Nor on themselves, with a bearer token instead of the cookie.
      const token = (await api.request({ method: 'POST', url: '/api/v1/me/api-tokens', payload: { name: 'x' }, headers: { cookie } })).json<{ token: string }>().token;
      const myId = (await me({ cookie })).json<{ id: string }>().id;
      expect((await api.request({ method: 'PATCH', url: `/api/v1/users/${myId}`, payload: { role: 'admin' }, headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(403);
    }
    expect((await post(`/api/v1/users/${target.id}/deactivate`, null)).statusCode).toBe(401);
    expect((await me({ cookie: targetCookie })).json()).toMatchObject({ role: 'rep' });
  });

  it('does not let an admin deactivate themselves or change their own role (422), nor act on unknown users (404)', async () => {
    const adminId = (await me({ cookie: admin })).json<{ id: string }>().id;
    const self = await post(`/api/v1/users/${adminId}/deactivate`);
    expect(self.statusCode).toBe(422);
    expect(self.json()).toMatchObject({ code: 'IDENTITY.CANNOT_CHANGE_SELF', details: { id: adminId, action: 'deactivate' } });
    const ownRole = await api.request({ method: 'PATCH', url: `/api/v1/users/${adminId}`, payload: { role: 'rep' }, headers: { cookie: admin } });
    expect(ownRole.statusCode).toBe(422);
    expect((await me({ cookie: admin })).json()).toMatchObject({ role: 'admin' });

    const unknown = randomUUID();
    expect((await post(`/api/v1/users/${unknown}/deactivate`)).json()).toMatchObject({ statusCode: 404, code: 'IDENTITY.USER_NOT_FOUND', details: { id: unknown } });
    expect((await post(`/api/v1/users/${unknown}/reactivate`)).statusCode).toBe(404);
    expect((await post('/api/v1/users/not-a-uuid/deactivate')).statusCode).toBe(400);
  });

  it('answers 409 for deactivating an inactive user or reactivating an active one', async () => {
    const user = await newUser('twice');
    expect((await post(`/api/v1/users/${user.id}/reactivate`)).json()).toMatchObject({ statusCode: 409, code: 'IDENTITY.USER_ALREADY_ACTIVE' });
    await post(`/api/v1/users/${user.id}/deactivate`);
    expect((await post(`/api/v1/users/${user.id}/deactivate`)).json()).toMatchObject({ statusCode: 409, code: 'IDENTITY.USER_ALREADY_INACTIVE' });
  });

  it("changes another user's role, effective on their next request, and refuses an unknown role", async () => {
    const user = await newUser('promoted');
    const cookie = await api.logIn(user.email, user.password);
    const changed = await api.request({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { role: 'manager' }, headers: { cookie: admin } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ id: user.id, role: 'manager', active: true });
    expect((await me({ cookie })).json()).toMatchObject({ role: 'manager' });
    const bad = await api.request({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { role: 'king' }, headers: { cookie: admin } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'role' }] } });
    const extra = await api.request({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { role: 'rep', active: false }, headers: { cookie: admin } });
    expect(extra.statusCode).toBe(400);
    expect((await me({ cookie })).json()).toMatchObject({ role: 'manager' });
  });
});
