import Redis from 'ioredis';
import { TEST_REDIS_URL } from './test-database';

/**
 * Deletes the Redis keys of a test's queues (everything under `<queuePrefix>:`), so runs leave
 * nothing in the shared Redis. Each test gives its queues a prefix of its own.
 */
export async function removeQueueKeys(queuePrefix: string, redisUrl = TEST_REDIS_URL): Promise<void> {
  if (!queuePrefix) return;
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const keys = await redis.keys(`${queuePrefix}:*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
