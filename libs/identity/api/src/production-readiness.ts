import type { MikroORM } from '@mikro-orm/core';
import type { PasswordHasher } from '@qa/identity-application';
import type { UserRepository } from '@qa/identity-domain';
import { Argon2PasswordHasher, findOpenDemoAccounts, MikroOrmUserRepository } from '@qa/identity-infrastructure';
import { productionConfigProblems, type AppConfig } from '@qa/shared-config';

/** How an operator makes the first admin (and retires the demo accounts): printed with every refusal. */
export const CREATE_ADMIN_HINT =
  'Create the first admin with:  npm run users:create-admin -- --email you@your-company.com --name "Your Name"\n' +
  '(the password is read from standard input, or from the ADMIN_PASSWORD environment variable; never from an argument).\n' +
  'Add --deactivate-demo-users to deactivate the demo accounts at the same time. See docs/operations.md ("Users and tokens").';

export class ProductionNotReadyError extends Error {
  constructor(readonly problems: string[]) {
    super(`Refusing to start with NODE_ENV=production:\n${problems.map((p) => `  - ${p}`).join('\n')}\n${CREATE_ADMIN_HINT}`);
    this.name = 'ProductionNotReadyError';
  }
}

/** What production refuses in the user table: demo accounts still open with the password `demo`, and no active admin. */
export async function productionUserProblems(users: UserRepository, hasher: PasswordHasher): Promise<string[]> {
  const openDemo = await findOpenDemoAccounts(users, hasher);
  const problems = openDemo.map((email) => `demo account ${email} is active with the password "demo": deactivate it`);
  const admins = (await users.list({ role: ['admin'] })).filter((u) => u.active && !openDemo.includes(u.email));
  if (admins.length === 0) problems.push('there is no active admin account (demo accounts do not count)');
  return problems;
}

/**
 * Run by the API and the worker before they serve or consume anything: in production, refuses
 * default secrets (see productionConfigProblems), open demo accounts and a database without an
 * admin. Does nothing in other environments.
 */
export async function assertReadyForProduction(config: AppConfig, openDatabase: () => Promise<MikroORM>): Promise<void> {
  if (config.env !== 'production') return;
  const problems = productionConfigProblems(config);
  const orm = await openDatabase();
  try {
    problems.push(...(await productionUserProblems(new MikroOrmUserRepository(orm.em.fork()), new Argon2PasswordHasher())));
  } finally {
    await orm.close(true);
  }
  if (problems.length > 0) throw new ProductionNotReadyError(problems);
}
