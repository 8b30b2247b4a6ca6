import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { ada, apiError, installFakeApi } from '../../testing/fake-api';
import { useSessionStore } from './session.store';

describe('useSessionStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  it('loadMe stores the user returned by GET /api/v1/me', async () => {
    installFakeApi({ 'GET /api/v1/me': { status: 200, body: ada } });
    const session = useSessionStore();

    await expect(session.loadMe()).resolves.toEqual(ada);

    expect(session.me).toEqual(ada);
    expect(session.isAuthenticated).toBe(true);
  });

  it('loadMe asks the API only once and serves later calls from the cache', async () => {
    const api = installFakeApi({ 'GET /api/v1/me': { status: 200, body: ada } });
    const session = useSessionStore();

    await Promise.all([session.loadMe(), session.loadMe()]);
    await session.loadMe();

    expect(api.calls.filter((call) => call.path === '/api/v1/me')).toHaveLength(1);
  });

  it('loadMe leaves me empty when the API answers 401 AUTH.UNAUTHENTICATED', async () => {
    installFakeApi({ 'GET /api/v1/me': apiError(401, 'AUTH.UNAUTHENTICATED') });
    const session = useSessionStore();

    await expect(session.loadMe()).resolves.toBeNull();

    expect(session.me).toBeNull();
    expect(session.loaded).toBe(true);
  });

  it('loadMe asks again on the next call after a server error instead of caching it', async () => {
    let status = 503;
    const api = installFakeApi({
      'GET /api/v1/me': () => (status === 503 ? apiError(503, 'UNAVAILABLE') : { status: 200, body: ada }),
    });
    const session = useSessionStore();

    await expect(session.loadMe()).resolves.toBeNull();
    status = 200;
    await expect(session.loadMe()).resolves.toEqual(ada);

    expect(api.calls).toHaveLength(2);
  });

  it('login posts email and password to /api/v1/auth/login and stores the user', async () => {
    const api = installFakeApi({ 'POST /api/v1/auth/login': { status: 200, body: ada } });
    const session = useSessionStore();

    const result = await session.login('admin@example.com', 'demo');

    expect(result).toEqual({ ok: true, me: ada });
    expect(api.calls).toEqual([
      { method: 'POST', path: '/api/v1/auth/login', body: { email: 'admin@example.com', password: 'demo' } },
    ]);
    expect(session.me).toEqual(ada);
  });

  it('login reports invalid credentials on 401 and keeps the user signed out', async () => {
    installFakeApi({ 'POST /api/v1/auth/login': apiError(401, 'AUTH.INVALID_CREDENTIALS') });
    const session = useSessionStore();

    await expect(session.login('admin@example.com', 'wrong')).resolves.toEqual({ ok: false, reason: 'invalid-credentials' });
    expect(session.me).toBeNull();
  });

  it('login reports too many attempts on 429', async () => {
    installFakeApi({ 'POST /api/v1/auth/login': apiError(429, 'AUTH.TOO_MANY_ATTEMPTS') });
    const session = useSessionStore();

    await expect(session.login('admin@example.com', 'demo')).resolves.toEqual({ ok: false, reason: 'too-many-attempts' });
  });

  it('login reports an unknown failure on 500', async () => {
    installFakeApi({ 'POST /api/v1/auth/login': apiError(500, 'INTERNAL') });
    const session = useSessionStore();

    await expect(session.login('admin@example.com', 'demo')).resolves.toEqual({ ok: false, reason: 'unknown' });
  });

  it('logout posts to /api/v1/auth/logout and forgets the user', async () => {
    const api = installFakeApi({
      'POST /api/v1/auth/login': { status: 200, body: ada },
      'POST /api/v1/auth/logout': { status: 204 },
    });
    const session = useSessionStore();
    await session.login('admin@example.com', 'demo');

    await session.logout();

    expect(api.calls.map((call) => `${call.method} ${call.path}`)).toEqual(['POST /api/v1/auth/login', 'POST /api/v1/auth/logout']);
    expect(session.me).toBeNull();
    expect(session.isAuthenticated).toBe(false);
  });
});
