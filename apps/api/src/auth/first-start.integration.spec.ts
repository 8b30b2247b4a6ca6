import { MikroORM } from '@mikro-orm/core';
import { assertReadyForProduction, ProductionNotReadyError } from '@qa/identity-api';
import { User } from '@qa/identity-domain';
import { Argon2PasswordHasher, DEMO_USERS } from '@qa/identity-infrastructure';
import { databaseOptions } from '@qa/platform-database';
import { loadConfig } from '@qa/shared-config';
import { TEST_REDIS_URL } from '@qa/shared-testing';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiTestApp, type ApiTestApp } from '../testing/api-test-app';

const root = resolve(__dirname, '../../../..');

/** Demo data never overwrites a real installation, and production refuses to run with demo accounts open. */
describe('demo users and the first start in production', () => {
  let api: ApiTestApp;

  beforeAll(async () => {
    api = await startApiTestApp();
  });
  afterAll(() => api?.close());

  const productionConfig = (env: Record<string, string> = {}) =>
    loadConfig({ NODE_ENV: 'production', DATABASE_URL: api.database.url, REDIS_URL: TEST_REDIS_URL, LOG_LEVEL: 'silent', APPROVAL_LINK_SECRET: 'first-start-approval-link-secret-0123456789', ...env });
  const check = (env: Record<string, string> = {}) =>
    assertReadyForProduction(productionConfig(env), () => MikroORM.init(databaseOptions(productionConfig(env).database, { poolMax: 1 }))).then(
      () => null,
      (error: unknown) => error,
    );
  const loginStatus = async (email: string, password: string) =>
    (await api.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: '192.0.2.99' })).statusCode;

  it('refuses an empty database in production, saying how to create the first admin', async () => {
    const error = await check();
    expect(error).toBeInstanceOf(ProductionNotReadyError);
    expect((error as Error).message).toContain('there is no active admin account');
    expect((error as Error).message).toContain('npm run users:create-admin -- --email');
  });

  it('seeds the demo users into an empty database only, and seeding again keeps a changed password', async () => {
    await api.seedDemoUsers();
    expect(await loginStatus('rep@example.com', 'demo')).toBe(200);
    // rep changes their password (directly in the table: the app has no such screen yet).
    const hash = await new Argon2PasswordHasher().hash('a changed password');
    await api.app.get(MikroORM).em.fork().nativeUpdate(User, { email: 'rep@example.com' }, { passwordHash: hash });

    await api.seedDemoUsers();
    expect(await loginStatus('rep@example.com', 'a changed password')).toBe(200);
    expect(await loginStatus('rep@example.com', 'demo')).toBe(401);
    const users = (await api.request({ method: 'GET', url: '/api/v1/users', headers: { cookie: await api.logIn('admin@example.com') } })).json<{ items: unknown[] }>().items;
    expect(users).toHaveLength(DEMO_USERS.length);
  });

  it('refuses to start in production while demo accounts are open with the password "demo", naming each', async () => {
    const error = await check();
    expect(error).toBeInstanceOf(ProductionNotReadyError);
    const message = (error as Error).message;
    for (const email of ['admin@example.com', 'manager@example.com', 'rep2@example.com']) expect(message).toContain(`demo account ${email} is active with the password "demo"`);
    // rep's password is no longer "demo": that account is not named.
    expect(message).not.toContain('rep@example.com is active');
    expect(message).toContain('no active admin account (demo accounts do not count)');
    expect(message).toContain('npm run users:create-admin');
    // Not in development.
    await expect(assertReadyForProduction(loadConfig({ DATABASE_URL: api.database.url }), () => Promise.reject(new Error('not opened')))).resolves.toBeUndefined();
  });

  it('refuses default secrets and an insecure cookie in production', async () => {
    const error = await check({ DATABASE_URL: api.database.url.replace('postgres://postgres@', 'postgres://postgres:postgres@'), COOKIE_SECURE: 'false' });
    const message = (error as Error).message;
    expect(message).toContain('DATABASE_URL has a default password');
    expect(message).toContain('COOKIE_SECURE=false');
  });

  it('creates the first admin from the command line, password from stdin or ADMIN_PASSWORD, and starts once the demo accounts are deactivated', async () => {
    const { ADMIN_PASSWORD: _ignored, ...parentEnv } = process.env;
    const run = (args: string[], input: string, env: Record<string, string> = {}) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
        const child = execFile(
          process.execPath,
          ['tools/launcher/run-ts.cjs', 'tools/users/create-admin.ts', ...args],
          { cwd: root, env: { ...parentEnv, NODE_ENV: 'development', DATABASE_URL: api.database.url, REDIS_URL: TEST_REDIS_URL, ...env }, timeout: 60_000 },
          (error, stdout, stderr) => done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
        child.stdin!.end(input);
      });
    const asAdmin = ['--email', 'OPS@example.org', '--name', 'Olga Ops', '--deactivate-demo-users'];

    const withArgument = await run(['--email', 'ops@example.org', '--name', 'Olga Ops', '--password', 'a long enough password'], '');
    expect(withArgument.code).toBe(2);
    expect(withArgument.stderr).toContain('--password is not accepted');
    const short = await run(asAdmin, '', { ADMIN_PASSWORD: 'short' });
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('at least 12 characters');
    expect(await check()).toBeInstanceOf(ProductionNotReadyError);

    const created = await run(asAdmin, 'a long enough password\n');
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('admin ops@example.org created');
    expect(created.stdout).toContain('demo account admin@example.com deactivated');
    expect(await loginStatus('ops@example.org', 'a long enough password')).toBe(200);
    expect(await loginStatus('admin@example.com', 'demo')).toBe(401);
    expect(await check()).toBeNull();

    const again = await run(asAdmin, '', { ADMIN_PASSWORD: 'another long password' });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('IDENTITY.EMAIL_TAKEN');
    expect(await loginStatus('ops@example.org', 'a long enough password')).toBe(200);
  });
});
