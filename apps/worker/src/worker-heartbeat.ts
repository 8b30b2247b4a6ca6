import { MikroORM } from '@mikro-orm/core';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectRedis } from '@qa/shared-redis';
import type { Redis } from 'ioredis';
import { hostname } from 'node:os';

export const WORKER_HEARTBEAT_PREFIX = 'qa:worker:heartbeat:';

/**
 * Proves at start-up that the worker reaches the database and Redis, then keeps a heartbeat key in
 * Redis (`qa:worker:heartbeat:<host>:<pid>`, 30 s TTL) so operators can see which workers are alive.
 */
@Injectable()
export class WorkerHeartbeat implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly key = `${WORKER_HEARTBEAT_PREFIX}${hostname()}:${process.pid}`;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly orm: MikroORM,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.orm.em.getConnection().execute('select 1');
    await this.beat();
    this.timer = setInterval(() => void this.beat().catch((error) => this.logger.warn(`heartbeat failed: ${error.message}`)), 10_000);
    this.logger.log(`worker ready (pid ${process.pid})`);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.redis.del(this.key).catch(() => undefined);
  }

  private async beat(): Promise<void> {
    await this.redis.set(this.key, new Date().toISOString(), 'EX', 30);
  }
}
