import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { normaliseEmail, User, UserRepository } from '@qa/identity-domain';
import { Clock } from '@qa/shared-kernel';
import { PasswordHasher } from '../../ports/identity.ports';
import { SeedUsersCommand } from './seed-users.command';

@CommandHandler(SeedUsersCommand)
export class SeedUsersHandler implements ICommandHandler<SeedUsersCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async execute({ users, password }: SeedUsersCommand): Promise<{ seeded: boolean }> {
    if ((await this.users.count()) > 0) return { seeded: false };
    const passwordHash = await this.hasher.hash(password);
    const idByEmail = new Map<string, string>();
    for (const { reportsTo, ...props } of users) {
      const managerId = reportsTo === undefined ? null : idByEmail.get(normaliseEmail(reportsTo));
      if (managerId === undefined) throw new Error(`seed: ${props.email} reports to ${reportsTo}, who is not listed before them`);
      const user = User.create({ ...props, reportsTo: managerId, passwordHash, now: this.clock.now() });
      await this.users.save(user);
      idByEmail.set(user.email, user.id);
    }
    return { seeded: true };
  }
}
