import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { identityHandlers, IdentitySettings, LoginAttemptLimiter, PasswordHasher } from '@qa/identity-application';
import { ApiTokenRepository, SessionRepository, UserRepository } from '@qa/identity-domain';
import {
  Argon2PasswordHasher,
  LoginLimits,
  MikroOrmApiTokenRepository,
  MikroOrmSessionRepository,
  MikroOrmUserRepository,
  RedisLoginAttemptLimiter,
} from '@qa/identity-infrastructure';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { MeController } from './me.controller';
import { SessionCookieSettings } from './session-cookie';
import { UsersController } from './users.controller';

export interface IdentityModuleOptions {
  sessionTtlHours: number;
  sessionAbsoluteHours: number;
  cookieSecure: boolean;
  loginMaxFailures: number;
  loginMaxFailuresPerAddress: number;
  loginLockoutSeconds: number;
}

/** Users, sessions, API tokens and the access guard that every other endpoint relies on. */
@Module({})
export class IdentityModule {
  static forRoot(options: IdentityModuleOptions): DynamicModule {
    return {
      module: IdentityModule,
      imports: [CqrsModule],
      controllers: [AuthController, MeController, UsersController],
      providers: [
        ...identityHandlers,
        { provide: UserRepository, useClass: MikroOrmUserRepository },
        { provide: SessionRepository, useClass: MikroOrmSessionRepository },
        { provide: ApiTokenRepository, useClass: MikroOrmApiTokenRepository },
        { provide: PasswordHasher, useClass: Argon2PasswordHasher },
        { provide: LoginAttemptLimiter, useClass: RedisLoginAttemptLimiter },
        {
          provide: IdentitySettings,
          useValue: { sessionTtlMs: options.sessionTtlHours * 3_600_000, sessionAbsoluteMs: options.sessionAbsoluteHours * 3_600_000 } satisfies IdentitySettings,
        },
        {
          provide: LoginLimits,
          useValue: { maxFailures: options.loginMaxFailures, maxFailuresPerAddress: options.loginMaxFailuresPerAddress, lockoutSeconds: options.loginLockoutSeconds } satisfies LoginLimits,
        },
        { provide: SessionCookieSettings, useValue: { secure: options.cookieSecure } satisfies SessionCookieSettings },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
    };
  }
}
