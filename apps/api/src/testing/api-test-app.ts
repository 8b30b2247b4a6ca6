import { MikroORM, RequestContext } from '@mikro-orm/core';
import { CommandBus } from '@nestjs/cqrs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { seedDemoUsers } from '@qa/identity-infrastructure';
import { migrateDatabase } from '@qa/platform-database';
import { loadConfig, type AppConfig } from '@qa/shared-config';
import type { Clock } from '@qa/shared-kernel';
import { createTestDatabase, TEST_REDIS_URL, type TestDatabase } from '@qa/shared-testing';
import { createApiApp } from '../bootstrap';

export interface ApiTestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  database: TestDatabase;
  /** A real request through Fastify's whole stack (hooks, guards, pipes, filters), without a socket. */
  request(options: { method: string; url: string; payload?: unknown; headers?: Record<string, string>; remoteAddress?: string }): Promise<{
    statusCode: number;
    headers: Record<string, string | string[] | number | undefined>;
    body: string;
    rawPayload: Buffer;
    json<T = Record<string, unknown>>(): T;
    cookies: Array<{ name: string; value: string; [attribute: string]: unknown }>;
  }>;
  /** Creates the four demo users (password `demo`). */
  seedDemoUsers(): Promise<void>;
  /** Logs in and returns the session cookie header to send. */
  logIn(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** The API as production builds it, on a fresh migrated PostgreSQL database and the real Redis. */
export async function startApiTestApp(env: Record<string, string> = {}, options: { clock?: Clock } = {}): Promise<ApiTestApp> {
  const database = await createTestDatabase('qa_api');
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, ADMIN_DIST: '', ...env });
  await migrateDatabase(config.database);
  const app = await createApiApp(config, { clock: options.clock });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    config,
    database,
    request: (options) => app.getHttpAdapter().getInstance().inject(options as never) as never,
    async seedDemoUsers() {
      await RequestContext.create(app.get(MikroORM).em.fork(), () => seedDemoUsers(app.get(CommandBus)));
    },
    async logIn(email, password = 'demo') {
      const response = await app.getHttpAdapter().getInstance().inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
      if (response.statusCode !== 200) throw new Error(`login of ${email} failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'qa_session');
      return `qa_session=${cookie!.value}`;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

export interface LoggedInApiTestApp extends ApiTestApp {
  /** The session cookie header of each logged-in demo user, by name (`rep`, `admin`, ...). */
  cookies: Record<string, string>;
  /** A request as one of the logged-in demo users. */
  call(who: string, method: string, url: string, payload?: unknown): ReturnType<ApiTestApp['request']>;
}

/** startApiTestApp with the demo users seeded and these of them (e.g. `['rep', 'admin']`) logged in. */
export async function startLoggedInApiTestApp(users: string[], env: Record<string, string> = {}, options: { clock?: Clock } = {}): Promise<LoggedInApiTestApp> {
  const api = await startApiTestApp(env, options);
  await api.seedDemoUsers();
  const cookies: Record<string, string> = {};
  for (const who of users) cookies[who] = await api.logIn(`${who}@example.com`);
  return { ...api, cookies, call: (who, method, url, payload) => api.request({ method, url, payload, headers: { cookie: cookies[who]! } }) };
}
