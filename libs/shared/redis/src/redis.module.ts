import { Global, Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';

export const REDIS = Symbol('REDIS');

/** Injects the process's shared Redis connection. */
export const InjectRedis = () => Inject(REDIS);

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@InjectRedis() private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Global()
@Module({})
export class RedisModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: RedisModule,
      providers: [
        {
          provide: REDIS,
          // A command fails after two reconnect attempts rather than hanging, so health checks and
          // login throttling answer promptly while Redis is away. BullMQ gets connections of its own.
          useFactory: () => {
            const redis = new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: false, connectionName: 'quote-approvals' });
            // Reconnects on its own; say so once per outage instead of an unhandled error per retry.
            const logger = new Logger('Redis');
            let down = false;
            redis.on('error', (error) => {
              if (!down) logger.warn(`Redis at ${url.replace(/\/\/[^@]*@/, '//***@')} is not reachable: ${error.message}`);
              down = true;
            });
            redis.on('ready', () => {
              if (down) logger.log('Redis is reachable again');
              down = false;
            });
            return redis;
          },
        },
        RedisCloser,
      ],
      exports: [REDIS],
    };
  }
}
