import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { normaliseEmail, User, UserRepository } from '@qa/identity-domain';
import { PasswordHasher } from '../../ports/identity.ports';
import { CreateUserCommand } from './create-user.command';

@CommandHandler(CreateUserCommand)
export class CreateUserHandler implements ICommandHandler<CreateUserCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute({ email, name, role, password }: CreateUserCommand): Promise<{ id: string; created: boolean }> {
    const passwordHash = await this.hasher.hash(password);
    const existing = await this.users.findByEmail(normaliseEmail(email));
    if (existing) {
      Object.assign(existing, { name, role, passwordHash, active: true });
      await this.users.save(existing);
      return { id: existing.id, created: false };
    }
    const user = User.create({ email, name, role, passwordHash });
    await this.users.save(user);
    return { id: user.id, created: true };
  }
}
