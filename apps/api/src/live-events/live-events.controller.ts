import { MikroORM, RequestContext } from '@mikro-orm/core';
import { Controller, Inject, Req, Sse, type MessageEvent } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SESSION_COOKIE } from '@qa/identity-api';
import { ResolveCallerQuery } from '@qa/identity-application';
import type { AppConfig } from '@qa/shared-config';
import { Authenticated, CurrentCaller } from '@qa/shared-http';
import type { Caller } from '@qa/shared-kernel';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { APP_CONFIG } from '../app-config.token';
import { callerWatchedStream } from './caller-watched-stream';
import { LiveEventsService } from './live-events.service';

/** Keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

@ApiTags('events')
@Controller({ path: 'events', version: '1' })
export class LiveEventsController {
  constructor(
    private readonly live: LiveEventsService,
    private readonly queries: QueryBus,
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Sse('stream')
  @Authenticated()
  @ApiOperation({
    operationId: 'streamEvents',
    summary: 'Server-sent events: the integration events the caller may see, as they happen',
    description:
      'Each message has `event: <event name>` and the event envelope as JSON data; a `ping` every 25 s. Reps see events of their own records; managers and admins see all. ' +
      'The stream checks its session or token every LIVE_STREAM_RECHECK_MS (default 5 s) and before sending: after a logout, expiry, deactivation or a change of role it sends ' +
      '`event: stream.closed` with `{"code": "EVENTS.SESSION_ENDED" | "EVENTS.ROLE_CHANGED"}` and ends.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'A text/event-stream, open while the session lasts.' })
  stream(@CurrentCaller() caller: Caller, @Req() request: FastifyRequest): Observable<MessageEvent> {
    // The same credentials the access guard resolved, looked up again for every check.
    const bearerToken = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const credentials = { bearerToken, sessionToken: bearerToken ? undefined : request.cookies?.[SESSION_COOKIE] };
    return callerWatchedStream(this.live.stream(), {
      opened: caller,
      // A fresh entity manager each time: the request's one would answer from its identity map.
      // A look on the caller's behalf: it does not extend their session (an idle tab lets it expire).
      resolve: () => RequestContext.create(this.orm.em.fork(), () => this.queries.execute(new ResolveCallerQuery(credentials, { touch: false }))),
      recheckMs: this.config.liveStreamRecheckMs,
      heartbeatMs: HEARTBEAT_MS,
    });
  }
}
