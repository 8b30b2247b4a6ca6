import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IdentityErrors, normaliseEmail, User, UserRepository } from '@qa/identity-domain';
import { Clock } from '@qa/shared-kernel';
import { PasswordHasher } from '../../ports/identity.ports';
import { CreateUserCommand } from './create-user.command';

@CommandHandler(CreateUserCommand)
export class CreateUserHandler implements ICommandHandler<CreateUserCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async execute({ email, name, role, password }: CreateUserCommand): Promise<{ id: string }> {
    if (await this.users.findByEmail(normaliseEmail(email))) throw IdentityErrors.emailTaken(normaliseEmail(email));
    const user = User.create({ email, name, role, passwordHash: await this.hasher.hash(password), now: this.clock.now() });
    await this.users.save(user);
    return { id: user.id };
  }
}
