// @qa/identity-contracts: what other contexts may know about users.
export * from './user-summary';
export * from './find-users.query';
export * from './list-org-directory.query';
export * from './user-events';
export * from './api-token-events';
