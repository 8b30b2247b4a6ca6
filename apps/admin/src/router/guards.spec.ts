import { describe, expect, it } from 'vitest';
import { ada, apiError, installFakeApi } from '../testing/fake-api';
import { createTestApp } from '../testing/mount-options';

describe('auth guard', () => {
  it('redirects an unauthenticated visit of /quotes to /login with redirect=/quotes', async () => {
    installFakeApi({ 'GET /api/v1/me': apiError(401, 'AUTH.UNAUTHENTICATED') });
    const { router } = createTestApp();

    await router.push('/quotes');

    expect(router.currentRoute.value.path).toBe('/login');
    expect(router.currentRoute.value.query).toEqual({ redirect: '/quotes' });
  });

  it('keeps the query of the page asked for in the redirect param', async () => {
    installFakeApi({ 'GET /api/v1/me': apiError(401, 'AUTH.UNAUTHENTICATED') });
    const { router } = createTestApp();

    await router.push('/tasks?mine=1&status=open');

    expect(router.currentRoute.value.path).toBe('/login');
    expect(router.currentRoute.value.query).toEqual({ redirect: '/tasks?mine=1&status=open' });
  });

  it('lets a signed-in user open /quotes and checks GET /api/v1/me only on the first navigation', async () => {
    const api = installFakeApi({ 'GET /api/v1/me': { status: 200, body: ada } });
    const { router } = createTestApp();

    await router.push('/quotes');
    await router.push('/tasks');
    await router.push('/settings');

    expect(router.currentRoute.value.path).toBe('/settings');
    expect(api.calls.filter((call) => call.path === '/api/v1/me')).toHaveLength(1);
  });

  it('redirects / to /quotes', async () => {
    installFakeApi({ 'GET /api/v1/me': { status: 200, body: ada } });
    const { router } = createTestApp();

    await router.push('/');

    expect(router.currentRoute.value.path).toBe('/quotes');
  });

  it('sends a signed-in user who opens /login on to the redirect path', async () => {
    installFakeApi({ 'GET /api/v1/me': { status: 200, body: ada } });
    const { router } = createTestApp();

    await router.push('/login?redirect=/workflows');

    expect(router.currentRoute.value.path).toBe('/workflows');
  });

  it('sends a signed-in user who opens /login with an external redirect to /quotes', async () => {
    installFakeApi({ 'GET /api/v1/me': { status: 200, body: ada } });
    const { router } = createTestApp();

    await router.push('/login?redirect=//evil.example/');

    expect(router.currentRoute.value.path).toBe('/quotes');
  });
});
