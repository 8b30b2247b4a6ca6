import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { assertReadyForProduction, ProductionNotReadyError } from '@qa/identity-api';
import { databaseOptions } from '@qa/platform-database';
import { loadConfigOrExit } from '@qa/shared-config';
import { createApiApp } from './bootstrap';

async function main() {
  const config = loadConfigOrExit();
  // Production refuses demo accounts, default secrets and a database without an admin, before serving anything.
  await assertReadyForProduction(config, () => MikroORM.init(databaseOptions(config.database, { poolMax: 1 })));
  const app = await createApiApp(config);
  await app.listen({ port: config.port, host: config.host });
  new Logger('Bootstrap').log(`API listening on http://${config.host}:${config.port} (database: ${config.database.kind})`);
}

main().catch((error) => {
  if (error instanceof ProductionNotReadyError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error('API failed to start:', error);
  process.exit(1);
});
