import { Injectable } from '@nestjs/common';
import { LoginAttemptLimiter, type LoginAttempt } from '@qa/identity-application';
import { InjectRedis } from '@qa/shared-redis';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export abstract class LoginLimits {
  /** Attempts per account (from any address) in a window. */
  abstract readonly maxFailures: number;
  /** Attempts per client address (for any account) in a window. */
  abstract readonly maxFailuresPerAddress: number;
  /** The window, started by the first counted attempt; a locked key opens when it ends. */
  abstract readonly lockoutSeconds: number;
}

/** The Redis key that counts the attempts of one account or one address (hashed: no e-mail in Redis). */
export function loginAttemptKey(kind: 'account' | 'address', value: string): string {
  return `qa:login-attempts:${kind}:${createHash('sha256').update(value).digest('hex')}`;
}

/**
 * Login attempts counted in Redis, so every API process shares the counts. One MULTI increments
 * both counters (INCR, atomic) before the password is checked and starts their windows: parallel
 * attempts all count, and at most the limit of them get a password check. A right password
 * clears the account's count and takes the attempt back from the address's.
 */
@Injectable()
export class RedisLoginAttemptLimiter extends LoginAttemptLimiter {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly limits: LoginLimits,
  ) {
    super();
  }

  async begin({ account, address }: LoginAttempt): Promise<number> {
    const accountKey = loginAttemptKey('account', account);
    const addressKey = loginAttemptKey('address', address);
    const window = this.limits.lockoutSeconds;
    const results = await this.redis.multi().incr(accountKey).expire(accountKey, window, 'NX').ttl(accountKey).incr(addressKey).expire(addressKey, window, 'NX').ttl(addressKey).exec();
    const value = (index: number) => Number(results?.[index]?.[1] ?? 0);
    const waitFor = (count: number, ttl: number, max: number) => (count > max ? Math.max(ttl, 1) : 0);
    return Math.max(waitFor(value(0), value(2), this.limits.maxFailures), waitFor(value(3), value(5), this.limits.maxFailuresPerAddress));
  }

  async succeeded({ account, address }: LoginAttempt): Promise<void> {
    await this.redis.del(loginAttemptKey('account', account));
    // Only while the window lasts: a DECR on an expired key would leave a -1 without expiry.
    await this.redis.eval("if redis.call('exists', KEYS[1]) == 1 then return redis.call('decr', KEYS[1]) end return 0", 1, loginAttemptKey('address', address));
  }
}
