import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { DomainError, type DomainErrorKind } from '@qa/shared-kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorResponse } from './error-response';

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  'bad-request': HttpStatus.BAD_REQUEST,
  invalid: HttpStatus.UNPROCESSABLE_ENTITY,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  // Was there once and is no more (an expired or void link).
  gone: HttpStatus.GONE,
  forbidden: HttpStatus.FORBIDDEN,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  'rate-limited': HttpStatus.TOO_MANY_REQUESTS,
};

const CODE_OF_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  410: 'GONE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** Lets the app answer some 404s itself (the SPA's history fallback); returns true when it did. */
export type NotFoundFallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

/** Turns every error into the one error body; a 500 only for a bug, and that is logged. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  constructor(private readonly notFoundFallback?: NotFoundFallback) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const body = this.toBody(exception, request);
    if (body.statusCode === 404 && this.notFoundFallback?.(request, reply)) return;
    if (body.statusCode >= 500 && body.statusCode !== 503) {
      this.logger.error({ err: exception, reqId: request?.id }, 'Unhandled error');
    }
    if (body.statusCode === 503) reply.header('retry-after', '5');
    const retryAfter = body.details['retryAfterSeconds'];
    if (body.statusCode === 429 && typeof retryAfter === 'number' && retryAfter > 0) reply.header('retry-after', String(Math.ceil(retryAfter)));
    void reply.status(body.statusCode).send(body);
  }

  toBody(exception: unknown, request?: FastifyRequest): ErrorResponse {
    if (exception instanceof DomainError) {
      return { statusCode: STATUS_OF_KIND[exception.kind], code: exception.code, message: exception.message, details: exception.details };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const fields = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
      const code = typeof fields['code'] === 'string' ? fields['code'] : (CODE_OF_STATUS[statusCode] ?? `HTTP_${statusCode}`);
      let message = typeof fields['message'] === 'string' ? fields['message'] : exception.message;
      if (statusCode === 404 && !fields['code']) message = `No route ${request?.method ?? ''} ${request?.url ?? ''}`.trim();
      const details = typeof fields['details'] === 'object' && fields['details'] !== null ? (fields['details'] as Record<string, unknown>) : {};
      return { statusCode, code, message, details };
    }
    // Errors Fastify raises before Nest sees the request: malformed JSON, wrong content type, too large.
    const fastifyError = exception as { statusCode?: unknown; code?: unknown; message?: unknown };
    if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      const statusCode = fastifyError.statusCode;
      return {
        statusCode,
        code: CODE_OF_STATUS[statusCode] ?? `HTTP_${statusCode}`,
        message: typeof fastifyError.message === 'string' ? fastifyError.message : 'Bad request',
        details: typeof fastifyError.code === 'string' ? { reason: fastifyError.code } : {},
      };
    }
    // Two writers raced on one versioned record (MikroORM's optimistic lock): the second loses.
    if ((exception as { name?: unknown })?.name === 'OptimisticLockError') {
      return { statusCode: 409, code: 'CONCURRENT_UPDATE', message: 'Someone changed this at the same moment; reload and try again', details: {} };
    }
    if (isDatabaseUnavailable(exception)) {
      return { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'The database is not reachable; try again shortly', details: {} };
    }
    return { statusCode: 500, code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged', details: {} };
  }
}

/** Connection-level failures that mean "try again later", not "bug" (also when wrapped by the ORM). */
export function isDatabaseUnavailable(exception: unknown): boolean {
  for (let error = exception as Record<string, unknown> | undefined, depth = 0; error && typeof error === 'object' && depth < 5; depth += 1) {
    const code = error['code'];
    const name = error['name'];
    const message = typeof error['message'] === 'string' ? error['message'] : '';
    if (
      name === 'ConnectionException' ||
      name === 'KnexTimeoutError' ||
      (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || (code.startsWith('08') && code !== PROTOCOL_VIOLATION))) ||
      UNAVAILABLE_MESSAGES.test(message)
    ) {
      return true;
    }
    error = (error['cause'] ?? error['previous']) as Record<string, unknown> | undefined;
  }
  return false;
}

/** Socket errors, and PostgreSQL's admin_shutdown, crash_shutdown, cannot_connect_now (class 08 is connection exceptions). */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03']);
/** 08P01: the server refused what it was sent (e.g. a NUL in inlined SQL) — a bug to fix, not an outage to wait out. */
const PROTOCOL_VIOLATION = '08P01';
/**
 * What node-postgres and knex say when the server went away (they set no code). "Transaction query
 * already complete" is knex refusing the next statement of a transaction it rolled back because
 * its connection dropped (seen when PostgreSQL stopped mid-request); the transaction is gone, so a
 * retry is safe.
 */
const UNAVAILABLE_MESSAGES = /Transaction query already complete|Connection terminated|connection error and is not queryable|Client was closed and is not queryable|Timeout acquiring a connection|the database system is (starting up|shutting down|in recovery)|terminating connection due to/i;
