import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiCookieAuth, ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Caller, Role } from '@qa/shared-kernel';
import { ErrorResponse } from './error-response';

export const ACCESS_RULE = 'qa:access-rule';

/**
 * Who may call an endpoint. Every controller method must carry one (or inherit one from its
 * controller): the access guard refuses undeclared endpoints and a test lists any that exist.
 */
export type AccessRule = { kind: 'public' } | { kind: 'authenticated'; roles: readonly Role[] | 'any' };

/** Anyone, logged in or not (login, health, the buyer's page). */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Any logged-in user, whatever their role. */
export const Authenticated = () =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'authenticated', roles: 'any' } satisfies AccessRule),
    ApiCookieAuth(),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorResponse, description: 'Not logged in (AUTH.UNAUTHENTICATED).' }),
  );

/** Logged-in users with one of these roles. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'authenticated', roles } satisfies AccessRule),
    ApiCookieAuth(),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorResponse, description: 'Not logged in (AUTH.UNAUTHENTICATED).' }),
    ApiForbiddenResponse({ type: ErrorResponse, description: `Only for ${roles.join(', ')} (AUTH.FORBIDDEN).` }),
  );

/** The request property the access guard sets. */
export interface RequestWithCaller {
  caller?: Caller;
}

/** The authenticated caller of the current request (undefined on public endpoints without a session). */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller | undefined => {
  return context.switchToHttp().getRequest<RequestWithCaller>().caller;
});
