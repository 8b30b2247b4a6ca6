/** Creates the demo users (and, as contexts arrive, demo data). Safe to run again. */
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { NestFactory } from '@nestjs/core';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CrmService } from '@qa/crm-application';
import { seedDemoCrm } from '@qa/crm-infrastructure';
import { ListUsersQuery } from '@qa/identity-application';
import { seedDemoUsers, DEMO_USERS } from '@qa/identity-infrastructure';
import { loadConfigOrExit } from '@qa/shared-config';
import { SeedModule } from './seed.module';

async function main() {
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(SeedModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const orm = app.get(MikroORM);
    const commands = app.get(CommandBus);
    await orm.em.fork().transactional(async (em) => {
      await RequestContext.create(em, () => seedDemoUsers(commands));
    });
    console.log(`seed: demo users ${DEMO_USERS.map((u) => u.email).join(', ')} (password "demo")`);
    const created = await orm.em.fork().transactional((em) =>
      RequestContext.create(em, async () => {
        const users = await app.get(QueryBus).execute(new ListUsersQuery({ roles: ['rep'] }));
        const id = (email: string) => users.find((u) => u.email === email)!.id;
        return seedDemoCrm(app.get(CrmService), { rep: id('rep@example.com'), rep2: id('rep2@example.com') });
      }),
    );
    console.log(created ? 'seed: demo companies, contacts and deals' : 'seed: CRM data already there, left as is');
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error('seed failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
