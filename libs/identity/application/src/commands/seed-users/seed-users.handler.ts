import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { User, UserRepository } from '@qa/identity-domain';
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
    for (const props of users) await this.users.save(User.create({ ...props, passwordHash, now: this.clock.now() }));
    return { seeded: true };
  }
}
