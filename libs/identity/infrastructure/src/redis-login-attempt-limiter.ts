import { Injectable } from '@nestjs/common';
import { LoginAttemptLimiter } from '@qa/identity-application';
import { InjectRedis } from '@qa/shared-redis';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export abstract class LoginLimits {
  abstract readonly maxFailures: number;
  abstract readonly lockoutSeconds: number;
}

/**
 * Failed logins counted in Redis, so every API process shares the count. A key locks when its
 * count reaches the limit and unlocks when the window (started by the first failure) ends.
 */
@Injectable()
export class RedisLoginAttemptLimiter extends LoginAttemptLimiter {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly limits: LoginLimits,
  ) {
    super();
  }

  async lockedFor(key: string): Promise<number> {
    const [count, ttl] = await Promise.all([this.redis.get(this.key(key)), this.redis.ttl(this.key(key))]);
    return Number(count ?? 0) >= this.limits.maxFailures ? Math.max(ttl, 1) : 0;
  }

  async recordFailure(key: string): Promise<void> {
    await this.redis.multi().incr(this.key(key)).expire(this.key(key), this.limits.lockoutSeconds, 'NX').exec();
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.key(key));
  }

  private key(key: string): string {
    return `qa:login-failures:${createHash('sha256').update(key).digest('hex')}`;
  }
}
