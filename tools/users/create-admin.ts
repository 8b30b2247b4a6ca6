/**
 * Creates an admin account: the first one of a production installation, or another one.
 *   npm run users:create-admin -- --email you@your-company.com --name "Your Name" [--deactivate-demo-users]
 * The password comes from the ADMIN_PASSWORD environment variable or from standard input (typed
 * without echo at a terminal, or piped), never from an argument: arguments end up in shell
 * history and process lists.
 */
import 'reflect-metadata';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { CreateUserCommand, DeactivateUserCommand, PasswordHasher } from '@qa/identity-application';
import { UserRepository } from '@qa/identity-domain';
import { findOpenDemoAccounts } from '@qa/identity-infrastructure';
import { loadConfigOrExit } from '@qa/shared-config';
import { DomainError } from '@qa/shared-kernel';
import { SeedModule } from '../db/seed.module';

export const MIN_PASSWORD_LENGTH = 12;

export interface CreateAdminOptions {
  email: string;
  name: string;
  deactivateDemoUsers: boolean;
}

/** Reads the command line; a list of problems when it is wrong. */
export function parseArguments(argv: string[]): CreateAdminOptions | { problems: string[] } {
  const problems: string[] = [];
  const options: CreateAdminOptions = { email: '', name: '', deactivateDemoUsers: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--email') options.email = value().trim();
    else if (flag === '--name') options.name = value().trim();
    else if (flag === '--deactivate-demo-users') options.deactivateDemoUsers = true;
    else if (flag === '--password') problems.push('--password is not accepted: pass the password on standard input or in ADMIN_PASSWORD');
    else problems.push(`unknown argument "${flag}"`);
  }
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(options.email) || options.email.length > 320) problems.push('--email must be an e-mail address');
  if (!options.name || options.name.length > 200) problems.push('--name must be 1 to 200 characters');
  return problems.length ? { problems } : options;
}

export function passwordProblems(password: string): string[] {
  return password.length < MIN_PASSWORD_LENGTH ? [`the password must be at least ${MIN_PASSWORD_LENGTH} characters`] : [];
}

async function readPassword(): Promise<string> {
  if (process.env['ADMIN_PASSWORD'] !== undefined) return process.env['ADMIN_PASSWORD'];
  if (!process.stdin.isTTY) {
    let input = '';
    for await (const chunk of process.stdin) input += chunk;
    return input.replace(/\r?\n$/, '');
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      process.stdout.write(prompt);
      process.stdin.setRawMode(true);
      process.stdin.resume();
      let typed = '';
      const onData = (data: Buffer) => {
        for (const char of data.toString('utf8')) {
          if (char === '\r' || char === '\n') {
            process.stdin.off('data', onData);
            process.stdin.setRawMode(false);
            process.stdin.pause();
            process.stdout.write('\n');
            return resolve(typed);
          }
          if (char === '\u0003') process.exit(130);
          typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
        }
      };
      process.stdin.on('data', onData);
    });
  const password = await ask('Password: ');
  if ((await ask('Again: ')) !== password) throw new Error('the passwords differ');
  return password;
}

async function main() {
  const parsed = parseArguments(process.argv.slice(2));
  if ('problems' in parsed) {
    console.error(`users:create-admin: ${parsed.problems.join('; ')}\nusage: npm run users:create-admin -- --email you@your-company.com --name "Your Name" [--deactivate-demo-users]`);
    process.exit(2);
  }
  const password = await readPassword();
  const weak = passwordProblems(password);
  if (weak.length) {
    console.error(`users:create-admin: ${weak.join('; ')}`);
    process.exit(2);
  }
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(SeedModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const orm = app.get(MikroORM);
    await RequestContext.create(orm.em.fork(), async () => {
      const { id } = await app.get(CommandBus).execute(new CreateUserCommand(parsed.email, parsed.name, 'admin', password));
      console.log(`users:create-admin: admin ${parsed.email.toLowerCase()} created`);
      if (!parsed.deactivateDemoUsers) return;
      const users = app.get(UserRepository);
      for (const email of await findOpenDemoAccounts(users, app.get(PasswordHasher))) {
        const demo = await users.findByEmail(email);
        await app.get(CommandBus).execute(new DeactivateUserCommand(id, demo!.id));
        console.log(`users:create-admin: demo account ${email} deactivated`);
      }
    });
  } finally {
    await app.close();
  }
}

// Run as a script (run-ts.cjs puts the entry in argv[1]); imported by its test, it only exports.
if (process.argv[1] === __filename) {
  main().catch((error) => {
    console.error(`users:create-admin failed: ${error instanceof DomainError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
