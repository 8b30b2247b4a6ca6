import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IdentityErrors, normaliseEmail, Session, SessionRepository, UserRepository } from '@qa/identity-domain';
import { uuidv7 } from '@qa/shared-kernel';
import { IdentitySettings, LoginAttemptLimiter, PasswordHasher } from '../../ports/identity.ports';
import { hashSecret, newSecret } from '../../secrets';
import { LogInCommand, type LogInResult } from './log-in.command';

@CommandHandler(LogInCommand)
export class LogInHandler implements ICommandHandler<LogInCommand> {
  /** Verified against when the account does not exist, so both answers take as long. */
  private decoyHash?: Promise<string>;

  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly limiter: LoginAttemptLimiter,
    private readonly settings: IdentitySettings,
  ) {}

  async execute({ email, password, clientAddress }: LogInCommand): Promise<LogInResult> {
    const normalised = normaliseEmail(email);
    const throttleKey = `${normalised}|${clientAddress}`;
    const lockedFor = await this.limiter.lockedFor(throttleKey);
    if (lockedFor > 0) throw IdentityErrors.tooManyAttempts(lockedFor);

    const user = await this.users.findByEmail(normalised);
    this.decoyHash ??= this.hasher.hash('decoy password that matches nothing');
    const valid = user && user.active ? await this.hasher.verify(user.passwordHash, password) : await this.hasher.verify(await this.decoyHash, password).then(() => false);
    if (!user || !valid) {
      await this.limiter.recordFailure(throttleKey);
      throw IdentityErrors.invalidCredentials();
    }
    await this.limiter.reset(throttleKey);

    const sessionToken = newSecret('qa_s_');
    const session = Session.open({ id: uuidv7(), tokenHash: hashSecret(sessionToken), userId: user.id, ttlMs: this.settings.sessionTtlMs, now: new Date() });
    await this.sessions.save(session);
    return {
      sessionToken,
      expiresAt: session.expiresAt,
      caller: { userId: user.id, email: user.email, name: user.name, role: user.role, via: 'session' },
    };
  }
}
