import type { MessageEvent } from '@nestjs/common';
import { canSeeEvent, type Caller, type IntegrationEvent } from '@qa/shared-kernel';
import { Observable } from 'rxjs';

/** Why a stream was ended by the server; sent as the data of a last `stream.closed` message. */
export type StreamEndCode = 'EVENTS.SESSION_ENDED' | 'EVENTS.ROLE_CHANGED' | 'EVENTS.RECHECK_FAILED';

export interface CallerWatchOptions {
  /** The caller the stream was opened for. */
  opened: Caller;
  /** Who is behind the stream's session cookie or token now (null: logged out, expired, deactivated). */
  resolve: () => Promise<Caller | null>;
  /** How often the caller is checked while nothing is sent. */
  recheckMs: number;
  heartbeatMs: number;
}

/**
 * A live stream that never outlives its caller's right to it: the caller is resolved again from
 * the stream's credentials every `recheckMs` and before each batch of events is sent, and each
 * event is filtered by that fresh caller. When the session or token no longer resolves (logout,
 * expiry, deactivation), or the user or role differs from the one the stream was opened for, the
 * stream sends `stream.closed` with a code and ends; an EventSource then reconnects and is answered
 * for who the user is now (401 when logged out, the new role's events otherwise).
 */
export function callerWatchedStream(events: Observable<IntegrationEvent>, options: CallerWatchOptions): Observable<MessageEvent> {
  return new Observable<MessageEvent>((subscriber) => {
    let ended = false;
    let queue: IntegrationEvent[] = [];
    let draining = false;
    let pendingCheck: Promise<Caller | null> | null = null;

    const end = (code: StreamEndCode) => {
      if (ended) return;
      ended = true;
      subscriber.next({ type: 'stream.closed', data: { code } });
      subscriber.complete();
    };

    /** The caller now, or null after ending the stream; concurrent checks share one lookup. */
    const check = (): Promise<Caller | null> => {
      pendingCheck ??= options
        .resolve()
        .then((caller) => {
          const problem = !caller || caller.userId !== options.opened.userId ? 'EVENTS.SESSION_ENDED' : caller.role !== options.opened.role ? 'EVENTS.ROLE_CHANGED' : null;
          if (problem) end(problem);
          return ended ? null : caller;
        })
        // Fail closed: a stream whose caller cannot be checked is not fed.
        .catch(() => {
          end('EVENTS.RECHECK_FAILED');
          return null;
        })
        .finally(() => {
          pendingCheck = null;
        });
      return pendingCheck;
    };

    const drain = async () => {
      if (draining) return;
      draining = true;
      try {
        while (queue.length > 0 && !ended) {
          const batch = queue;
          queue = [];
          const caller = await check();
          if (!caller) return;
          for (const event of batch) {
            if (!ended && canSeeEvent(caller, event)) subscriber.next({ id: event.id, type: event.name, data: event });
          }
        }
      } finally {
        draining = false;
      }
    };

    const source = events.subscribe({
      next: (event) => {
        if (ended) return;
        queue.push(event);
        void drain();
      },
      complete: () => {
        ended = true;
        subscriber.complete();
      },
    });
    const recheck = setInterval(() => void check(), options.recheckMs);
    const heartbeat = setInterval(() => subscriber.next({ type: 'ping', data: '' }), options.heartbeatMs);
    return () => {
      ended = true;
      clearInterval(recheck);
      clearInterval(heartbeat);
      source.unsubscribe();
    };
  });
}
