import { describe, expect, it, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { ada, apiError, type FakeRoute } from '../../testing/fake-api';
import { mountPage, PAGE_LOAD } from '../../testing/mount-page';
import LoginPage from './login-page.vue';

function mountLogin(login: FakeRoute, path = '/login') {
  return mountPage(LoginPage, { path, routes: { 'GET /api/v1/me': apiError(401, 'AUTH.UNAUTHENTICATED'), 'POST /api/v1/auth/login': login } });
}

async function fillAndSubmit(w: VueWrapper, email: string, password: string) {
  await w.get('#login-email').setValue(email);
  await w.get('#login-password').setValue(password);
  await w.get('form').trigger('submit');
  await flushPromises();
}

describe('login page', () => {
  it('renders Email and Password fields with visible labels tied to them and a Log in button', async () => {
    const { wrapper: w } = await mountLogin({ status: 200, body: ada });

    const emailLabel = w.findAll('label').find((label) => label.text() === 'Email');
    const passwordLabel = w.findAll('label').find((label) => label.text() === 'Password');
    expect(emailLabel?.attributes('for')).toBe('login-email');
    expect(passwordLabel?.attributes('for')).toBe('login-password');
    expect(w.get('#login-email').element.tagName).toBe('INPUT');
    expect(w.get('#login-email').attributes('type')).toBe('email');
    expect(w.get('#login-password').attributes('type')).toBe('password');
    const submit = w.get('button[type="submit"]');
    expect(submit.text()).toBe('Log in');
    expect(w.get('h1').text()).toBe('Log in');
  });

  it('shows "Wrong e-mail or password" in the alert region when the API answers 401', async () => {
    const { wrapper: w, router } = await mountLogin(apiError(401, 'AUTH.INVALID_CREDENTIALS'));

    await fillAndSubmit(w, 'admin@example.com', 'wrong');

    expect(w.get('[role="alert"]').text()).toBe('Wrong e-mail or password');
    expect(router.currentRoute.value.path).toBe('/login');
  });

  it('shows "Too many attempts, try again later" in the alert region when the API answers 429', async () => {
    const { wrapper: w } = await mountLogin(apiError(429, 'AUTH.TOO_MANY_ATTEMPTS'));

    await fillAndSubmit(w, 'admin@example.com', 'demo');

    expect(w.get('[role="alert"]').text()).toBe('Too many attempts, try again later');
  });

  it('shows a generic message in the alert region on any other failure', async () => {
    const { wrapper: w } = await mountLogin(apiError(500, 'INTERNAL'));

    await fillAndSubmit(w, 'admin@example.com', 'demo');

    expect(w.get('[role="alert"]').text()).toBe('Something went wrong. Please try again.');
  });

  it('does not call the API and marks the fields when they are empty', async () => {
    const { wrapper: w, api } = await mountLogin({ status: 200, body: ada });

    await w.get('form').trigger('submit');
    await flushPromises();

    expect(api.calls.filter((call) => call.path === '/api/v1/auth/login')).toHaveLength(0);
    expect(w.get('#login-email').attributes('aria-invalid')).toBe('true');
    expect(w.get('#login-email-error').text()).toBe('Enter your e-mail address.');
    expect(w.get('#login-password-error').text()).toBe('Enter your password.');
  });

  it('goes to /quotes after a successful login without a redirect param', async () => {
    const { wrapper: w, router, api } = await mountLogin({ status: 200, body: ada });

    await fillAndSubmit(w, ' admin@example.com ', 'demo');

    expect(api.calls.find((call) => call.path === '/api/v1/auth/login')?.body).toEqual({ email: 'admin@example.com', password: 'demo' });
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/quotes'), PAGE_LOAD);
  });

  it('goes to the redirect param after a successful login', async () => {
    const { wrapper: w, router } = await mountLogin({ status: 200, body: ada }, '/login?redirect=/tasks');

    await fillAndSubmit(w, 'admin@example.com', 'demo');

    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/tasks'), PAGE_LOAD);
  });

  it('ignores a redirect param that leaves the site and goes to /quotes', async () => {
    const { wrapper: w, router } = await mountLogin({ status: 200, body: ada }, '/login?redirect=https://evil.example/');

    await fillAndSubmit(w, 'admin@example.com', 'demo');

    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/quotes'), PAGE_LOAD);
  });
});
