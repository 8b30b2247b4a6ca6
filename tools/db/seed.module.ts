import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module, type DynamicModule } from '@nestjs/common';
import { CrmModule } from '@qa/crm-api';
import { IdentityModule } from '@qa/identity-api';
import { databaseOptions } from '@qa/platform-database';
import type { AppConfig } from '@qa/shared-config';
import { Clock, SystemClock } from '@qa/shared-kernel';
import { RedisModule } from '@qa/shared-redis';

/** The modules whose use cases the seed and the user commands run (no HTTP server). */
@Module({})
export class SeedModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SeedModule,
      // Global so that every context's providers can inject the clock, as in the API and worker.
      global: true,
      imports: [
        MikroOrmModule.forRoot({ ...databaseOptions(config.database), registerRequestContext: false }),
        RedisModule.forRoot(config.redisUrl),
        IdentityModule.forRoot(config),
        CrmModule,
      ],
      providers: [{ provide: Clock, useValue: new SystemClock() }],
      exports: [Clock],
    };
  }
}
