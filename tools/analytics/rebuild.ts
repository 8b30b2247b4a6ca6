/**
 * Projects every approval round into the approval analytics' facts again (the backfill: after the
 * analytics tables are created on a database with history, or to repair them):
 *   npm run analytics:rebuild
 * Uses DATABASE_URL like the API; safe to run again (each quote's facts are replaced).
 */
import 'reflect-metadata';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { AnalyticsHttpModule } from '@qa/analytics-api';
import { RebuildApprovalFactsCommand } from '@qa/analytics-application';
import { loadConfigOrExit, type AppConfig } from '@qa/shared-config';
import { SeedModule } from '../db/seed.module';

@Module({})
class RebuildModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: RebuildModule, imports: [SeedModule.forRoot(config), AnalyticsHttpModule] };
  }
}

/** Runs the rebuild against the app's database; answers what it projected and how long it took. */
export async function rebuildApprovalFacts(config: AppConfig): Promise<{ quotes: number; rounds: number; seconds: number }> {
  const app = await NestFactory.createApplicationContext(RebuildModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const orm = app.get(MikroORM);
    const started = performance.now();
    const result = await RequestContext.create(orm.em.fork(), () => app.get(CommandBus).execute(new RebuildApprovalFactsCommand()));
    return { ...result, seconds: Math.round((performance.now() - started) / 100) / 10 };
  } finally {
    await app.close();
  }
}

// Run as a script (run-ts.cjs puts the entry in argv[1]); imported by the bench, it only exports.
if (process.argv[1] === __filename) {
  rebuildApprovalFacts(loadConfigOrExit())
    .then(({ quotes, rounds, seconds }) => console.log(`analytics:rebuild: ${rounds} rounds of ${quotes} quotes in ${seconds} s`))
    .catch((error) => {
      console.error(`analytics:rebuild failed: ${error instanceof Error ? error.message : error}`);
      process.exitCode = 1;
    });
}
