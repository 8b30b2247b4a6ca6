import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
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
          useFactory: () => new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: false, connectionName: 'quote-approvals' }),
        },
        RedisCloser,
      ],
      exports: [REDIS],
    };
  }
}
