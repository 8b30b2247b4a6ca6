// @qa/shared-testing: helpers that give tests real services: a fresh PostgreSQL database each,
// a redis-server of their own to kill and restart.
export * from './test-database';
export * from './redis-server';
export * from './wait-until';
export * from './app-process';
export * from './postgres-server';
export * from './queue-keys';
