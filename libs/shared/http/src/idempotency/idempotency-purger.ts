import { EntityManager } from '@mikro-orm/core';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@qa/shared-kernel';
import { IdempotencyRecord } from './idempotency-record';
import { IDEMPOTENCY_TTL_MS } from './idempotency-ttl';

const PURGE_EVERY_MS = 3_600_000;

/**
 * Removes Idempotency-Key records older than 24 hours, once an hour in each API process (one
 * indexed delete; several processes doing it is harmless). Expired records are already ignored
 * by the interceptor; this keeps the table small.
 */
@Injectable()
export class IdempotencyPurger implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyPurger.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purge().catch((error: Error) => this.logger.warn(`idempotency purge failed: ${error.message}`)), PURGE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Deletes the expired records; how many. */
  async purge(): Promise<number> {
    return this.em.fork().nativeDelete(IdempotencyRecord, { createdAt: { $lte: new Date(this.clock.now().getTime() - IDEMPOTENCY_TTL_MS) } });
  }
}
