import { ChangeUserHandler } from './commands/change-user/change-user.handler';
import { CreateApiTokenHandler } from './commands/create-api-token/create-api-token.handler';
import { CreateUserHandler } from './commands/create-user/create-user.handler';
import { DeactivateUserHandler } from './commands/deactivate-user/deactivate-user.handler';
import { LogInHandler } from './commands/log-in/log-in.handler';
import { LogOutHandler } from './commands/log-out/log-out.handler';
import { ReactivateUserHandler } from './commands/reactivate-user/reactivate-user.handler';
import { RevokeApiTokenHandler } from './commands/revoke-api-token/revoke-api-token.handler';
import { SeedUsersHandler } from './commands/seed-users/seed-users.handler';
import { ListApiTokensHandler } from './queries/list-api-tokens/list-api-tokens.handler';
import { FindUsersHandler } from './queries/find-users/find-users.handler';
import { ListOrgDirectoryHandler } from './queries/list-org-directory/list-org-directory.handler';
import { ListUsersHandler } from './queries/list-users/list-users.handler';
import { ResolveCallerHandler } from './queries/resolve-caller/resolve-caller.handler';

/** The identity use cases (command and query handlers), including FindUsersQuery's and ListOrgDirectoryQuery's for other contexts. */
export const identityHandlers = [
  LogInHandler,
  LogOutHandler,
  CreateUserHandler,
  SeedUsersHandler,
  DeactivateUserHandler,
  ReactivateUserHandler,
  ChangeUserHandler,
  CreateApiTokenHandler,
  RevokeApiTokenHandler,
  ResolveCallerHandler,
  ListUsersHandler,
  FindUsersHandler,
  ListOrgDirectoryHandler,
  ListApiTokensHandler,
];
