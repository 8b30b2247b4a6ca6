// @qa/identity-application: the identity use cases, one folder each.
export * from './ports/identity.ports';
export * from './shared/secrets';
export * from './commands/log-in/log-in.command';
export * from './commands/log-out/log-out.command';
export * from './commands/create-user/create-user.command';
export * from './commands/seed-users/seed-users.command';
export * from './commands/deactivate-user/deactivate-user.command';
export * from './commands/reactivate-user/reactivate-user.command';
export * from './commands/change-user/change-user.command';
export * from './commands/create-api-token/create-api-token.command';
export * from './commands/revoke-api-token/revoke-api-token.command';
export * from './queries/resolve-caller/resolve-caller.query';
export * from './queries/list-users/list-users.query';
export * from './queries/list-api-tokens/list-api-tokens.query';
export * from './identity.providers';
