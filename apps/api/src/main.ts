import 'reflect-metadata';
import { loadConfigOrExit } from '@qa/shared-config';
import { createApiApp } from './bootstrap';

async function main() {
  const config = loadConfigOrExit();
  const app = await createApiApp(config);
  await app.listen({ port: config.port, host: config.host });
  app.getHttpAdapter().getInstance().log.info({ port: config.port, database: config.database.kind }, 'API listening');
}

main().catch((error) => {
  console.error('API failed to start:', error);
  process.exit(1);
});
