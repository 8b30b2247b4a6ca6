import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';

/** The longest a rate-limit check may wait for Redis before the request goes through unlimited. */
const REDIS_TIMEOUT_MS = 500;

/** A fixed window per key and a block once past the limit, in one atomic step. */
const INCREMENT = `
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then
  return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1]), 1, blocked}
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return {hits, ttl, 1, tonumber(ARGV[3])}
end
return {hits, ttl, 0, 0}
`;

/**
 * The counters of @nestjs/throttler in Redis, shared by every API process (in-memory counters
 * would multiply the limit by the number of processes). When Redis does not answer, requests go
 * through: the endpoint stays up; a rate limit is a brake, not the lock.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimits');

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<Awaited<ReturnType<ThrottlerStorage['increment']>>> {
    const base = `${this.prefix}:throttle:${key}`;
    try {
      const answer = (await Promise.race([
        this.redis.eval(INCREMENT, 2, base, `${base}:blocked`, ttl, limit, blockDuration || ttl),
        new Promise((_, reject) => setTimeout(() => reject(new Error('Redis did not answer in time')), REDIS_TIMEOUT_MS).unref()),
      ])) as [number, number, number, number];
      const [totalHits, expireMs, blocked, blockMs] = answer.map(Number) as [number, number, number, number];
      return { totalHits, timeToExpire: Math.max(0, Math.ceil(expireMs / 1000)), isBlocked: blocked === 1, timeToBlockExpire: Math.max(0, Math.ceil(blockMs / 1000)) };
    } catch (error) {
      this.logger.warn(`rate limit not checked: ${error instanceof Error ? error.message : String(error)}`);
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}
