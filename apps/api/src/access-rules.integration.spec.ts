import { Controller, Get } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { migrateDatabase } from '@qa/platform-database';
import { loadConfig } from '@qa/shared-config';
import { listEndpointAccessRules } from '@qa/shared-http';
import { createTestDatabase, TEST_REDIS_URL, type TestDatabase } from '@qa/shared-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppModule } from './app.module';
import { configureApiApp } from './bootstrap';

/** Deliberately declares no access rule: the test below must catch it. */
@Controller({ path: 'forgotten', version: '1' })
class ForgottenController {
  @Get()
  secret() {
    return { leaked: true };
  }
}

describe('every endpoint declares who may call it', () => {
  let database: TestDatabase;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    database = await createTestDatabase('qa_access');
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, ADMIN_DIST: '' });
    await migrateDatabase(config.database);
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)], controllers: [ForgottenController] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    await configureApiApp(app, config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('finds no endpoint of the product without an access rule', () => {
    const endpoints = listEndpointAccessRules(app).filter((e) => !e.endpoint.startsWith('ForgottenController.'));
    expect(endpoints.length).toBeGreaterThanOrEqual(8);
    expect(endpoints.filter((e) => e.rule === undefined).map((e) => e.endpoint)).toEqual([]);
  });

  it('names an endpoint that forgot its rule', () => {
    const missing = listEndpointAccessRules(app).filter((e) => e.rule === undefined);
    expect(missing).toEqual([{ endpoint: 'ForgottenController.secret', method: 'GET', rule: undefined }]);
  });

  it('refuses to serve such an endpoint at all (the guard fails closed)', async () => {
    const response = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/api/v1/forgotten' });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'AUTH.NO_ACCESS_RULE' });
    expect(response.body).not.toContain('leaked');
  });

  it('keeps the public endpoints to the few that must be public', () => {
    const publicEndpoints = listEndpointAccessRules(app).filter((e) => e.rule?.kind === 'public').map((e) => e.endpoint).sort();
    expect(publicEndpoints).toEqual([
      'AuthController.logIn',
      'AuthController.logOut',
      'HealthController.check',
      // The buyer's page: the unguessable link is the key.
      'SharedQuotesController.downloadPdf',
      'SharedQuotesController.getSharedQuote',
      'SharedQuotesController.sign',
    ]);
  });
});
