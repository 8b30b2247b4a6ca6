import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { QueryBus } from '@nestjs/cqrs';
import { ResolveCallerQuery } from '@qa/identity-application';
import { ACCESS_RULE, type AccessRule, type RequestWithCaller } from '@qa/shared-http';
import { DomainError } from '@qa/shared-kernel';
import type { FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one place that decides who may call what. Fails closed: an endpoint without an access rule
 * is refused (and the access-rules test names it before it ships).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly queries: QueryBus,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<FastifyRequest & RequestWithCaller>();
    if (!rule) {
      this.logger.error(`No access rule on ${context.getClass().name}.${context.getHandler().name}; refusing`);
      throw new DomainError('AUTH.NO_ACCESS_RULE', 'This endpoint declares no access rule', 'forbidden');
    }

    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const sessionToken = request.cookies?.[SESSION_COOKIE];
    const caller = bearer || sessionToken ? await this.queries.execute(new ResolveCallerQuery({ bearerToken: bearer, sessionToken: bearer ? undefined : sessionToken })) : null;
    if (caller) request.caller = caller;
    if (rule.kind === 'public') return true;

    if (!caller) throw new DomainError('AUTH.UNAUTHENTICATED', 'Log in first', 'unauthenticated');
    if (caller.via === 'session' && !SAFE_METHODS.has(request.method) && !sameOrigin(request)) {
      // SameSite=Strict already keeps the cookie off cross-site requests; this is the second lock.
      throw new DomainError('AUTH.CROSS_ORIGIN', 'Cross-origin requests may not use the session cookie', 'forbidden');
    }
    if (rule.roles !== 'any' && !rule.roles.includes(caller.role)) {
      throw new DomainError('AUTH.FORBIDDEN', `Only ${rule.roles.join(' or ')} may do this`, 'forbidden', { requiredRoles: rule.roles });
    }
    return true;
  }
}

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // not sent by browsers on same-origin fetches of some kinds; SameSite covers these
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
