import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { RequestWithCaller } from '@qa/shared-http';
import { runInMessageContext } from '@qa/shared-messaging';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';

/**
 * Stamps the events a request causes with its caller (actor) and its request id (correlation id):
 * the outbox flush subscriber reads them from this context.
 */
@Injectable()
export class MessageContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & RequestWithCaller>();
    const messageContext = {
      actor: request.caller ? { type: 'user' as const, id: request.caller.userId } : { type: 'system' as const, id: null },
      correlationId: String(request.id),
    };
    // Subscribe inside the context so the handler's async work inherits it.
    return new Observable((subscriber) => runInMessageContext(messageContext, () => next.handle().subscribe(subscriber)));
  }
}
