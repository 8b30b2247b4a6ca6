/**
 * Demo data for a fresh installation: the demo users (password "demo") only into a database
 * without any user, and never in production; demo CRM data for them. Safe to run again: an
 * existing account is never changed (a changed password stays changed).
 */
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { NestFactory } from '@nestjs/core';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { seedDemoCrm } from '@qa/crm-infrastructure';
import { ListUsersQuery } from '@qa/identity-application';
import { seedDemoUsers, DEMO_USERS } from '@qa/identity-infrastructure';
import { loadConfigOrExit } from '@qa/shared-config';
import { SeedModule } from './seed.module';

async function main() {
  const config = loadConfigOrExit();
  if (config.env === 'production') {
    console.log('seed: NODE_ENV=production, no demo data. Create the first admin with: npm run users:create-admin -- --email you@your-company.com --name "Your Name"');
    return;
  }
  const app = await NestFactory.createApplicationContext(SeedModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const orm = app.get(MikroORM);
    const commands = app.get(CommandBus);
    const seeded = await orm.em.fork().transactional((em) => RequestContext.create(em, () => seedDemoUsers(commands)));
    console.log(
      seeded
        ? `seed: demo users ${DEMO_USERS.map((u) => u.email).join(', ')} (password "demo")`
        : 'seed: the database has users already; no demo user added, no password changed',
    );
    const created = await orm.em.fork().transactional((em) =>
      RequestContext.create(em, async () => {
        const users = await app.get(QueryBus).execute(new ListUsersQuery({ roles: ['rep'] }));
        const id = (email: string) => users.find((u) => u.email === email)?.id;
        const rep = id('rep@example.com');
        const rep2 = id('rep2@example.com');
        return rep && rep2 ? seedDemoCrm({ commands, queries: app.get(QueryBus) }, { rep, rep2 }) : false;
      }),
    );
    console.log(created ? 'seed: demo companies, contacts and deals' : 'seed: CRM data already there (or no demo reps), left as is');
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error('seed failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
