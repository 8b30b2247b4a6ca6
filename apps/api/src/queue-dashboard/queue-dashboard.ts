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
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const REFRESH_MS = 30_000;

/**
 * The only writes the dashboard allows, by the route as the server matched it (never the client's
 * spelling): retrying or removing failed jobs. Adding, editing, promoting, pausing, emptying or
 * obliterating is refused, so nobody can put a forged event on a queue from the browser.
 */
const FAILED_JOB_WRITES = new Set(['PUT /api/queues/:queueName/:jobId/retry', 'PUT /api/queues/:queueName/:jobId/clean']);
const FAILED_SET_WRITES = new Set(['PUT /api/queues/:queueName/retry/:queueStatus', 'PUT /api/queues/:queueName/clean/:queueStatus']);

/**
 * Bull Board at /admin/queues, for admins only and read-only apart from retrying or removing
 * failed jobs: every queue of the product (found in Redis, so queues of subscribers added later
 * appear without a restart of the API). Outside the /api prefix and Nest's router, so it checks
 * the caller itself, in a hook of its own Fastify scope: the hook runs for every route the board
 * registers, whatever spelling of the path (percent-encoded letters, …) the router matched.
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

  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  fastify.addHook('onClose', async () => {
    clearInterval(timer);
    await Promise.all([...queues.values()].map((q) => q.close()));
  });

  const orm = app.get(MikroORM);
  const queries = app.get(QueryBus);
  const onlyAdmins = async (request: FastifyRequest, reply: FastifyReply) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const caller = await RequestContext.create(orm.em, () =>
      queries.execute(new ResolveCallerQuery({ bearerToken: bearer, sessionToken: bearer ? undefined : request.cookies?.[SESSION_COOKIE] })),
    );
    const wantsHtml = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (!caller) {
      if (wantsHtml) return reply.redirect(`/login?redirect=${encodeURIComponent(QUEUE_DASHBOARD_PATH)}`);
      return reply.status(401).send({ statusCode: 401, code: 'AUTH.UNAUTHENTICATED', message: 'Log in first', details: {} });
    }
    if (caller.role !== 'admin') {
      return reply.status(403).send({ statusCode: 403, code: 'AUTH.FORBIDDEN', message: 'Only admin may see the queues', details: { requiredRoles: ['admin'] } });
    }
    if (request.method === 'GET' || request.method === 'HEAD') return;
    const refusal = await refuseWrite(request, queues);
    if (refusal) return reply.status(403).send({ statusCode: 403, code: 'QUEUES.READ_ONLY', message: 'The queue dashboard only retries or removes failed jobs', details: refusal });
  };

  await fastify.register(async (scope) => {
    scope.addHook('onRequest', onlyAdmins);
    await scope.register(serverAdapter.registerPlugin() as never, { prefix: QUEUE_DASHBOARD_PATH });
  });
}

/** Why a write to the dashboard is refused, or null when it retries or removes failed jobs only. */
async function refuseWrite(request: FastifyRequest, queues: Map<string, Queue>): Promise<Record<string, unknown> | null> {
  const route = `${request.method} ${(request.routeOptions.url ?? '').slice(QUEUE_DASHBOARD_PATH.length)}`;
  const params = (request.params ?? {}) as Record<string, string>;
  if (FAILED_SET_WRITES.has(route)) {
    return params['queueStatus'] === 'failed' ? null : { reason: 'only the failed set may be retried or cleaned', queueStatus: params['queueStatus'] };
  }
  if (FAILED_JOB_WRITES.has(route)) {
    const job = await queues.get(params['queueName'] ?? '')?.getJob(params['jobId'] ?? '');
    const state = job ? await job.getState() : 'unknown';
    return state === 'failed' ? null : { reason: 'only a failed job may be retried or removed', state };
  }
  return { reason: 'the dashboard is read-only apart from failed jobs', route: request.routeOptions.url ?? null };
}
