import { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Clock, DomainError } from '@qa/shared-kernel';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { RequestWithCaller } from '../access.decorators';
import { inputProblems, validationFailed } from '../validation.pipe';
import { IdempotencyRecord } from './idempotency-record';
import { IDEMPOTENCY_TTL_MS, SECRET_RESPONSE } from './idempotency-ttl';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_FORMAT = /^[\x21-\x7e]{8,200}$/;

/**
 * `Idempotency-Key` on state-changing requests: the first request runs in one transaction with
 * the record of its key, so a retry with the same key returns the first answer and acts once
 * (a concurrent retry waits on the key's row until the first commits). The same key with another
 * method, path or body answers 422 `IDEMPOTENCY.KEY_REUSED`. A request that fails stores nothing:
 * retrying it runs it again. A key holds for 24 hours (`IDEMPOTENCY_TTL_MS`, by the Clock); after
 * that it is new again. Endpoints marked `@SecretResponse()` keep no answer: their retry answers
 * 409 `IDEMPOTENCY.RESPONSE_NOT_REPLAYABLE`, so no secret ever lies in the table.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly em: EntityManager,
    private readonly reflector: Reflector,
    private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest & RequestWithCaller>();
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (!UNSAFE_METHODS.has(request.method) || key === undefined) return next.handle();
    if (typeof key !== 'string' || !KEY_FORMAT.test(key)) {
      throw new DomainError('IDEMPOTENCY.INVALID_KEY', 'Idempotency-Key must be 8 to 200 visible ASCII characters', 'bad-request', {
        fields: [{ field: 'Idempotency-Key', reason: 'must be 8 to 200 visible ASCII characters' }],
      });
    }
    // Interceptors run before pipes: refuse what the validation pipe would, before hashing it
    // (5,000 nested arrays overflowed JSON.stringify's stack here: a 500 the fuzzer found).
    const problems = inputProblems(request.body);
    if (problems.length > 0) throw validationFailed(problems);
    const scope = request.caller?.userId ?? 'public';
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const withheld = this.reflector.getAllAndOverride<boolean | undefined>(SECRET_RESPONSE, [context.getHandler(), context.getClass()]) === true;
    return from(this.runOnce({ scope, key, requestHash, withheld }, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }

  private runOnce(claim: { scope: string; key: string; requestHash: string; withheld: boolean }, handle: () => Promise<unknown>): Promise<unknown> {
    const { scope, key, requestHash, withheld } = claim;
    return this.em.transactional(async (em) => {
      const now = this.clock.now();
      // A record older than the TTL no longer holds: the key starts again (the purge may not have run yet).
      await em.nativeDelete(IdempotencyRecord, { scope, key, createdAt: { $lte: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } });
      const claimed = await (em as SqlEntityManager)
        .createQueryBuilder(IdempotencyRecord)
        .insert({ scope, key, requestHash, responseBody: null, responseWithheld: withheld, createdAt: now })
        .onConflict(['scope', 'key'])
        .ignore()
        .execute('run');
      if (!claimed.affectedRows) {
        const first = await em.findOneOrFail(IdempotencyRecord, { scope, key }, { refresh: true });
        if (first.requestHash !== requestHash) {
          throw new DomainError('IDEMPOTENCY.KEY_REUSED', 'This Idempotency-Key was used for a different request', 'invalid', { key });
        }
        if (first.responseWithheld) {
          throw new DomainError('IDEMPOTENCY.RESPONSE_NOT_REPLAYABLE', 'This request was already done; its answer held a secret and is not kept', 'conflict', {
            key,
            firstAt: first.createdAt.toISOString(),
          });
        }
        return first.responseBody ?? undefined;
      }
      const response = await handle();
      if (!withheld) await em.nativeUpdate(IdempotencyRecord, { scope, key }, { responseBody: response ?? null });
      return response;
    });
  }
}
