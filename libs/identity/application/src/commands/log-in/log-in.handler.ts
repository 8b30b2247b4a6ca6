import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IdentityErrors, normaliseEmail, Session, SessionRepository, UserRepository } from '@qa/identity-domain';
import { Clock, uuidv7 } from '@qa/shared-kernel';
import { IdentitySettings, LoginAttemptLimiter, PasswordHasher } from '../../ports/identity.ports';
import { hashSecret, newSecret } from '../../shared/secrets';
import { LogInCommand, type LogInResult } from './log-in.command';

@CommandHandler(LogInCommand)
export class LogInHandler implements ICommandHandler<LogInCommand> {
  /** Verified against when the account does not exist (or is deactivated), so every refusal takes as long. */
  private decoyHash?: Promise<string>;

  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly limiter: LoginAttemptLimiter,
    private readonly settings: IdentitySettings,
    private readonly clock: Clock,
  ) {}

  async execute({ email, password, clientAddress }: LogInCommand): Promise<LogInResult> {
    const attempt = { account: normaliseEmail(email), address: clientAddress };
    const waitSeconds = await this.limiter.begin(attempt);
    if (waitSeconds > 0) throw IdentityErrors.tooManyAttempts(waitSeconds);

    const user = await this.users.findByEmail(attempt.account);
    this.decoyHash ??= this.hasher.hash('decoy password that matches nothing');
    // A deactivated account gets the same answer as a wrong password: no account enumeration.
    const valid = user && user.active ? await this.hasher.verify(user.passwordHash, password) : await this.hasher.verify(await this.decoyHash, password).then(() => false);
    if (!user || !valid) throw IdentityErrors.invalidCredentials();
    await this.limiter.succeeded(attempt);

    const sessionToken = newSecret('qa_s_');
    const session = Session.open({
      id: uuidv7(),
      tokenHash: hashSecret(sessionToken),
      userId: user.id,
      ttlMs: this.settings.sessionTtlMs,
      absoluteMs: this.settings.sessionAbsoluteMs,
      now: this.clock.now(),
    });
    await this.sessions.save(session);
    return {
      sessionToken,
      expiresAt: session.expiresAt,
      caller: { userId: user.id, email: user.email, name: user.name, role: user.role, via: 'session' },
    };
  }
}
