import { Injectable, Logger, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerStorage } from '@nestjs/throttler';
import { DomainError } from '@qa/shared-kernel';
import type { Redis } from 'ioredis';

/**
 * Requests per client address per minute to the buyer's endpoints (no login: the link is the key,
 * so the address is what can be counted). Generous for a buyer and their colleagues; tight enough
 * that guessing links, scraping or rendering PDFs in a loop is cut short.
 */
export const SHARED_QUOTE_LIMITS = {
  page: { limit: 60, ttl: 60_000 },
  pdf: { limit: 20, ttl: 60_000 },
  sign: { limit: 10, ttl: 60_000 },
} as const;

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
 * The throttler's counters in Redis, shared by every API process (in-memory counters would
 * multiply the limit by the number of processes). When Redis does not answer, requests go
 * through: the buyer's page stays up; the limit is a brake, not the lock (the link is).
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('SharedQuoteThrottling');

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

/** The throttler guard of the buyer's endpoints, answering 429 SHARED_QUOTES.RATE_LIMITED. */
@Injectable()
export class SharedQuoteThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new DomainError('SHARED_QUOTES.RATE_LIMITED', 'Too many requests from this address; try again in a minute', 'rate-limited', {
      limit: detail.limit,
      retryAfterSeconds: detail.timeToBlockExpire,
    });
  }
}
