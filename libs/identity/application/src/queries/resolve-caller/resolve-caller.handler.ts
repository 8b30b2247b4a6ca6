import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiTokenRepository, SessionRepository, UserRepository, type User } from '@qa/identity-domain';
import { Clock, type Caller } from '@qa/shared-kernel';
import { IdentitySettings } from '../../ports/identity.ports';
import { hashSecret } from '../../shared/secrets';
import { ResolveCallerQuery } from './resolve-caller.query';

@QueryHandler(ResolveCallerQuery)
export class ResolveCallerHandler implements IQueryHandler<ResolveCallerQuery> {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly tokens: ApiTokenRepository,
    private readonly settings: IdentitySettings,
    private readonly clock: Clock,
  ) {}

  async execute({ credentials, options }: ResolveCallerQuery): Promise<Caller | null> {
    const now = this.clock.now();
    const touch = options?.touch !== false;
    if (credentials.bearerToken) {
      const token = await this.tokens.findByTokenHash(hashSecret(credentials.bearerToken));
      if (!token || !token.isActive(now)) return null;
      const user = await this.users.findById(token.userId);
      if (!user?.active) return null;
      if (touch && token.markUsed(now)) await this.tokens.save(token);
      return toCaller(user, 'api-token');
    }
    if (credentials.sessionToken) {
      const found = await this.sessions.findWithUserByTokenHash(hashSecret(credentials.sessionToken));
      if (!found || found.session.isExpired(now, this.settings.sessionAbsoluteMs) || !found.user.active) return null;
      const { session, user } = found;
      if (touch && session.touch(now, this.settings.sessionTtlMs, this.settings.sessionAbsoluteMs)) await this.sessions.save(session);
      return toCaller(user, 'session');
    }
    return null;
  }
}

function toCaller(user: User, via: Caller['via']): Caller {
  return { userId: user.id, email: user.email, name: user.name, role: user.role, via };
}
