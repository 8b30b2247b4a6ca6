/** Creates the demo users (and, as contexts arrive, demo data). Safe to run again. */
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { seedDemoUsers, DEMO_USERS } from '@qa/identity-infrastructure';
import { loadConfig } from '@qa/shared-config';
import { SeedModule } from './seed.module';
import { exitOnConfigError } from './exit-on-config-error';

async function main() {
  const config = exitOnConfigError(() => loadConfig());
  const app = await NestFactory.createApplicationContext(SeedModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const orm = app.get(MikroORM);
    const commands = app.get(CommandBus);
    await orm.em.fork().transactional(async (em) => {
      await RequestContext.create(em, () => seedDemoUsers(commands));
    });
    console.log(`seed: demo users ${DEMO_USERS.map((u) => u.email).join(', ')} (password "demo")`);
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error('seed failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
