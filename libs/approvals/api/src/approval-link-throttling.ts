import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { RequestWithCaller } from '@qa/shared-http';
import { DomainError } from '@qa/shared-kernel';

/**
 * Requests per signed-in user per minute to the approval e-mails' link endpoints. An approver
 * opens a handful of links a day; guessing tokens (which fails on the signature anyway) or
 * hammering a link is cut short. Counted per user (the caller is known: the endpoints need a
 * session), so colleagues behind one address do not share a limit.
 */
export const APPROVAL_LINK_LIMITS = {
  look: { limit: 60, ttl: 60_000 },
  decide: { limit: 30, ttl: 60_000 },
} as const;

/** The throttler guard of the link endpoints, answering 429 APPROVALS.LINK_RATE_LIMITED. */
@Injectable()
export class ApprovalLinkThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const caller = (request as RequestWithCaller).caller;
    return caller ? `user:${caller.userId}` : `address:${String(request['ip'] ?? '')}`;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new DomainError('APPROVALS.LINK_RATE_LIMITED', 'Too many approval links opened; try again in a minute', 'rate-limited', {
      limit: detail.limit,
      retryAfterSeconds: detail.timeToBlockExpire,
    });
  }
}
