// @qa/identity-infrastructure: MikroORM mappings and adapters for identity.
export * from './identity.schemas';
export * from './identity.repositories';
export * from './argon2-password-hasher';
export * from './redis-login-attempt-limiter';
export * from './seed-demo-users';
