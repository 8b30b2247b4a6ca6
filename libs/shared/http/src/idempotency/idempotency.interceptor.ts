import { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { DomainError } from '@qa/shared-kernel';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { RequestWithCaller } from '../access.decorators';
import { inputProblems, validationFailed } from '../validation.pipe';
import { IdempotencyRecord } from './idempotency-record';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_FORMAT = /^[\x21-\x7e]{8,200}$/;

/**
 * `Idempotency-Key` on state-changing requests: the first request runs in one transaction with
 * the record of its key, so a retry with the same key returns the first answer and acts once
 * (a concurrent retry waits on the key's row until the first commits). The same key with another
 * method, path or body answers 422 `IDEMPOTENCY.KEY_REUSED`. A request that fails stores nothing:
 * retrying it runs it again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly em: EntityManager) {}

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
    return from(this.runOnce(scope, key, requestHash, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }

  private runOnce(scope: string, key: string, requestHash: string, handle: () => Promise<unknown>): Promise<unknown> {
    return this.em.transactional(async (em) => {
      const claimed = await (em as SqlEntityManager)
        .createQueryBuilder(IdempotencyRecord)
        .insert({ scope, key, requestHash, responseBody: null, createdAt: new Date() })
        .onConflict(['scope', 'key'])
        .ignore()
        .execute('run');
      if (!claimed.affectedRows) {
        const first = await em.findOneOrFail(IdempotencyRecord, { scope, key }, { refresh: true });
        if (first.requestHash !== requestHash) {
          throw new DomainError('IDEMPOTENCY.KEY_REUSED', 'This Idempotency-Key was used for a different request', 'invalid', { key });
        }
        return first.responseBody ?? undefined;
      }
      const response = await handle();
      await em.nativeUpdate(IdempotencyRecord, { scope, key }, { responseBody: response ?? null });
      return response;
    });
  }
}
