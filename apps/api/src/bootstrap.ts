import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { VersioningType, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { AppConfig } from '@qa/shared-config';
import { createValidationPipe, HttpErrorFilter } from '@qa/shared-http';
import { uuidv7, type Clock } from '@qa/shared-kernel';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { mountQueueDashboard, QUEUE_DASHBOARD_PATH } from './queue-dashboard/queue-dashboard';
import { spaFallback } from './spa/spa-fallback';

/** Creates the API application, configured exactly as in production (tests use this too). */
export async function createApiApp(config: AppConfig, options: { bufferLogs?: boolean; clock?: Clock } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    requestIdHeader: 'x-request-id',
    genReqId: () => uuidv7(),
    bodyLimit: 1_048_576,
    // Path parameters up to 512 characters (Fastify's default is 100): an approval e-mail's link
    // token (/api/v1/approvals/links/:token) is about 220.
    routerOptions: { maxParamLength: 512 },
    // X-Forwarded-For names the client (request.ip, the login throttle's key) only when the request
    // comes from one of these proxies; from anyone else the header is ignored.
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, { clock: options.clock }), adapter, { bufferLogs: options.bufferLogs ?? true });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  await configureApiApp(app, config);
  return app;
}

export async function configureApiApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(createValidationPipe());
  const adminDist = config.adminDist ?? defaultAdminDist();
  app.useGlobalFilters(new HttpErrorFilter(spaFallback(adminDist)));
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // No inline script, except on the tools in INLINE_SCRIPT_TOOLS (below). PrimeVue injects its theme styles.
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        // Only behind HTTPS: on plain-HTTP localhost these would break the app.
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    hsts: config.cookieSecure,
  });
  // Only the tools that inline their boot scripts get 'unsafe-inline' in script-src.
  fastify.addHook('onSend', async (request, reply) => {
    if (!needsInlineScript(request.url)) return;
    const policy = reply.getHeader('content-security-policy');
    if (typeof policy === 'string') reply.header('content-security-policy', policy.replace(/script-src [^;]*/, "script-src 'self' 'unsafe-inline'"));
  });
  await mountQueueDashboard(app, config.worker.queuePrefix);
  if (adminDist && existsSync(join(adminDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: adminDist, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Quote approvals API')
    .setDescription('REST API of Quote approvals. Errors always answer `{ statusCode, code, message, details }`.')
    .setVersion('1')
    .addCookieAuth('qa_session')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API token from POST /api/v1/me/api-tokens' })
    .build();
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory: (_controller, method) => method });
  // Every state-changing operation accepts an Idempotency-Key (IdempotencyInterceptor).
  for (const path of Object.values(document.paths)) {
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      path[method]?.parameters?.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'Retry safely: the same key returns the first answer and acts once; with another request it answers 422.',
        schema: { type: 'string', minLength: 8, maxLength: 200 },
      });
    }
  }
  return document;
}

/**
 * Pages that inline their boot scripts and allow them through the CSP: Swagger UI and Bull Board
 * (admins only). Everything else (the SPA, the buyer's page, the API) gets `script-src 'self'`.
 */
export const INLINE_SCRIPT_TOOLS = ['/api/docs', QUEUE_DASHBOARD_PATH] as const;

/** Whether a URL is under one of INLINE_SCRIPT_TOOLS. */
function needsInlineScript(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return INLINE_SCRIPT_TOOLS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

function defaultAdminDist(): string | null {
  const candidate = join(__dirname, '../../admin/dist');
  return existsSync(join(candidate, 'index.html')) ? candidate : null;
}
