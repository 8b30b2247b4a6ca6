import { Controller, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller } from '@qa/shared-http';
import { canSeeEvent, type Caller } from '@qa/shared-kernel';
import { filter, interval, map, merge, type Observable } from 'rxjs';
import { LiveEventsService } from './live-events.service';

/** Keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

@ApiTags('events')
@Controller({ path: 'events', version: '1' })
export class LiveEventsController {
  constructor(private readonly live: LiveEventsService) {}

  @Sse('stream')
  @Authenticated()
  @ApiOperation({
    operationId: 'streamEvents',
    summary: 'Server-sent events: the integration events the caller may see, as they happen',
    description:
      'Each message has `event: <event name>` and the event envelope as JSON data; a `ping` every 25 s. Reps see events of their own records; managers and admins see all.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An endless text/event-stream.' })
  stream(@CurrentCaller() caller: Caller): Observable<MessageEvent> {
    const events = this.live.stream().pipe(
      filter((event) => canSeeEvent(caller, event)),
      map((event) => ({ id: event.id, type: event.name, data: event })),
    );
    const heartbeat = interval(HEARTBEAT_MS).pipe(map(() => ({ type: 'ping', data: '' })));
    return merge(events, heartbeat);
  }
}
