// @qa/identity-domain: users, their sessions and API tokens; the rules of logging in. No framework imports.
export * from './user';
export * from './session';
export * from './api-token';
export * from './identity.errors';
export * from './identity.repositories';
