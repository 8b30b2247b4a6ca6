import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '@qa/shared-config';
import { createApiApp } from './bootstrap';

async function main() {
  const config = loadConfigOrExit();
  const app = await createApiApp(config);
  await app.listen({ port: config.port, host: config.host });
  new Logger('Bootstrap').log(`API listening on http://${config.host}:${config.port} (database: ${config.database.kind})`);
}

main().catch((error) => {
  console.error('API failed to start:', error);
  process.exit(1);
});
