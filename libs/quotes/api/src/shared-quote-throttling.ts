import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { DomainError } from '@qa/shared-kernel';

// The counters live in Redis, shared by every API process (RedisThrottlerStorage, @qa/shared-redis).
export { RedisThrottlerStorage } from '@qa/shared-redis';

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
