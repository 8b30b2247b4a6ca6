import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module, type DynamicModule } from '@nestjs/common';
import { CrmModule } from '@qa/crm-api';
import { IdentityModule } from '@qa/identity-api';
import { databaseOptions } from '@qa/platform-database';
import type { AppConfig } from '@qa/shared-config';
import { RedisModule } from '@qa/shared-redis';

/** The modules whose use cases the seed runs (no HTTP server). */
@Module({})
export class SeedModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SeedModule,
      imports: [
        MikroOrmModule.forRoot({ ...databaseOptions(config.database), registerRequestContext: false }),
        RedisModule.forRoot(config.redisUrl),
        IdentityModule.forRoot(config),
        CrmModule,
      ],
    };
  }
}
