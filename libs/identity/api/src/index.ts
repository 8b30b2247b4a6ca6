// @qa/identity-api: login, logout, me, API tokens, users; the global access guard.
export * from './identity.module';
export * from './identity.dtos';
export * from './session-cookie';
export * from './access.guard';
export * from './production-readiness';
