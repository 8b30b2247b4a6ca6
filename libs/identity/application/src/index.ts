// @qa/identity-application: the identity use cases, one folder each.
import { ChangeUserRoleHandler } from './commands/change-user-role/change-user-role.handler';
import { CreateApiTokenHandler } from './commands/create-api-token/create-api-token.handler';
import { CreateUserHandler } from './commands/create-user/create-user.handler';
import { DeactivateUserHandler } from './commands/deactivate-user/deactivate-user.handler';
import { LogInHandler } from './commands/log-in/log-in.handler';
import { LogOutHandler } from './commands/log-out/log-out.handler';
import { ReactivateUserHandler } from './commands/reactivate-user/reactivate-user.handler';
import { RevokeApiTokenHandler } from './commands/revoke-api-token/revoke-api-token.handler';
import { SeedUsersHandler } from './commands/seed-users/seed-users.handler';
import { ListApiTokensHandler } from './queries/list-api-tokens/list-api-tokens.handler';
import { FindUsersHandler, ListUsersHandler } from './queries/list-users/list-users.handler';
import { ResolveCallerHandler } from './queries/resolve-caller/resolve-caller.handler';

export * from './ports/identity.ports';
export * from './secrets';
export * from './commands/log-in/log-in.command';
export * from './commands/log-out/log-out.command';
export * from './commands/create-user/create-user.command';
export * from './commands/seed-users/seed-users.command';
export * from './commands/deactivate-user/deactivate-user.command';
export * from './commands/reactivate-user/reactivate-user.command';
export * from './commands/change-user-role/change-user-role.command';
export * from './commands/create-api-token/create-api-token.command';
export * from './commands/revoke-api-token/revoke-api-token.command';
export * from './queries/resolve-caller/resolve-caller.query';
export * from './queries/list-users/list-users.query';
export * from './queries/list-api-tokens/list-api-tokens.query';

export const identityHandlers = [
  LogInHandler,
  LogOutHandler,
  CreateUserHandler,
  SeedUsersHandler,
  DeactivateUserHandler,
  ReactivateUserHandler,
  ChangeUserRoleHandler,
  CreateApiTokenHandler,
  RevokeApiTokenHandler,
  ResolveCallerHandler,
  ListUsersHandler,
  FindUsersHandler,
  ListApiTokensHandler,
];
