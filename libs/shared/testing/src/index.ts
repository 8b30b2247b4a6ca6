// @qa/shared-testing: helpers that give tests real services: a fresh PostgreSQL database each,
// a redis-server of their own to kill and restart; and waits for a condition, or for the whole
// system to be quiet.
export * from './test-database';
export * from './redis-server';
export * from './wait-until';
export * from './app-process';
export * from './postgres-server';
export * from './queue-keys';
export * from './wait-until-quiet';
export * from './pdf-text';
export * from './mail-capture';
