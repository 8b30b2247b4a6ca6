import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SESSION_COOKIE } from '@qa/identity-api';
import { ResolveCallerQuery } from '@qa/identity-application';
import { REDIS } from '@qa/shared-redis';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const REFRESH_MS = 30_000;

/**
 * Bull Board at /admin/queues, for admins only: every queue of the product (found in Redis, so
 * queues of subscribers added later appear without a restart of the API), with failed jobs to
 * inspect and retry. Outside the /api prefix and outside Nest's router, so it checks the session
 * itself.
 */
export async function mountQueueDashboard(app: NestFastifyApplication, prefix: string): Promise<void> {
  const logger = new Logger('QueueDashboard');
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  const board = createBullBoard({ queues: [], serverAdapter, options: { uiConfig: { boardTitle: 'Queues' } } });

  const redis = app.get<Redis>(REDIS);
  const queues = new Map<string, Queue>();
  const refresh = async () => {
    const metaKeys = await redis.keys(`${prefix}:*:meta`);
    for (const name of metaKeys.map((k) => k.slice(prefix.length + 1, -':meta'.length)).sort()) {
      if (!queues.has(name)) queues.set(name, new Queue(name, { connection: redis, prefix }));
    }
    board.replaceQueues([...queues.values()].map((q) => new BullMQAdapter(q)));
  };
  await refresh().catch((error) => logger.warn(`could not list queues: ${error.message}`));
  const timer = setInterval(() => void refresh().catch(() => undefined), REFRESH_MS);
  timer.unref();

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onClose', async () => {
    clearInterval(timer);
    await Promise.all([...queues.values()].map((q) => q.close()));
  });

  const orm = app.get(MikroORM);
  const queries = app.get(QueryBus);
  fastify.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0];
    if (path !== QUEUE_DASHBOARD_PATH && !path.startsWith(`${QUEUE_DASHBOARD_PATH}/`)) return;
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const caller = await RequestContext.create(orm.em, () =>
      queries.execute(new ResolveCallerQuery({ bearerToken: bearer, sessionToken: bearer ? undefined : request.cookies?.[SESSION_COOKIE] })),
    );
    const wantsHtml = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (!caller) {
      if (wantsHtml) return reply.redirect(`/login?redirect=${encodeURIComponent(path)}`);
      return reply.status(401).send({ statusCode: 401, code: 'AUTH.UNAUTHENTICATED', message: 'Log in first', details: {} });
    }
    if (caller.role !== 'admin') {
      return reply.status(403).send({ statusCode: 403, code: 'AUTH.FORBIDDEN', message: 'Only admin may see the queues', details: { requiredRoles: ['admin'] } });
    }
  });
  await app.register(serverAdapter.registerPlugin() as never, { prefix: QUEUE_DASHBOARD_PATH });
}
