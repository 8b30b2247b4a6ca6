import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { IntegrationEvent } from '@qa/shared-kernel';
import { liveEventsChannel } from '@qa/shared-messaging';
import { Redis } from 'ioredis';
import { Subject, type Observable } from 'rxjs';
import { Inject } from '@nestjs/common';
import { APP_CONFIG } from '../app-config.token';
import type { AppConfig } from '@qa/shared-config';

/**
 * The integration events the relays announce on Redis pub/sub, as a stream in this API process.
 * Best effort by design: a client that missed something reloads its data (the SPA does on
 * reconnect); the guarantees live in the outbox, not here.
 */
@Injectable()
export class LiveEventsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('LiveEvents');
  private readonly events = new Subject<IntegrationEvent>();
  private subscriber?: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onModuleInit(): void {
    // Start-up never waits for Redis: the subscription is queued until the connection is up
    // (and renewed by ioredis after every reconnect).
    this.subscriber = new Redis(this.config.redisUrl, { connectionName: 'qa-live-events', maxRetriesPerRequest: null });
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (_channel, message: string) => {
      try {
        for (const event of JSON.parse(message) as IntegrationEvent[]) this.events.next(event);
      } catch (error) {
        this.logger.warn(`ignored a malformed live event: ${error instanceof Error ? error.message : error}`);
      }
    });
    void this.subscriber.subscribe(liveEventsChannel(this.config.worker.queuePrefix)).catch((error) => this.logger.warn(`live events unavailable: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    this.events.complete();
    this.subscriber?.disconnect();
  }

  stream(): Observable<IntegrationEvent> {
    return this.events.asObservable();
  }
}
