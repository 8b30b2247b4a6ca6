import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/core';
import { assertReadyForProduction, ProductionNotReadyError } from '@qa/identity-api';
import { databaseOptions } from '@qa/platform-database';
import { loadConfigOrExit } from '@qa/shared-config';
import { FileClock } from '@qa/shared-kernel';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function main() {
  const config = loadConfigOrExit();
  // Production refuses demo accounts, default secrets and a database without an admin, before consuming anything.
  await assertReadyForProduction(config, () => MikroORM.init(databaseOptions(config.database, { poolMax: 1 })));
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, { clock: config.clockFile ? new FileClock(config.clockFile) : undefined }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
}

main().catch((error) => {
  if (error instanceof ProductionNotReadyError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error('Worker failed to start:', error);
  process.exit(1);
});
