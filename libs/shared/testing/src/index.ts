// @qa/shared-testing: helpers that give tests real services: a fresh PostgreSQL database each.
export * from './test-database';
