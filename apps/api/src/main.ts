import 'reflect-metadata';
import { ConfigError, loadConfig } from '@qa/shared-config';
import { createApiApp } from './bootstrap';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`${error.message}\nSee docs/operations.md ("Configuration") for every setting.`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApiApp(config);
  await app.listen({ port: config.port, host: config.host });
  app.getHttpAdapter().getInstance().log.info({ port: config.port, database: config.database.kind }, 'API listening');
}

main().catch((error) => {
  console.error('API failed to start:', error);
  process.exit(1);
});
