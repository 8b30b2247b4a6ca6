// @qa/shared-redis: one ioredis connection per process, for BullMQ, rate limits and health.
export * from './redis.module';
export * from './redis-throttler-storage';
