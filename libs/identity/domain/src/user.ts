import { uuidv7, type Role } from '@qa/shared-kernel';

export class User {
  id!: string;
  email!: string;
  name!: string;
  role!: Role;
  passwordHash!: string;
  active!: boolean;
  createdAt!: Date;

  static create(props: { email: string; name: string; role: Role; passwordHash: string; now?: Date }): User {
    const user = new User();
    user.id = uuidv7();
    user.email = normaliseEmail(props.email);
    user.name = props.name.trim();
    user.role = props.role;
    user.passwordHash = props.passwordHash;
    user.active = true;
    user.createdAt = props.now ?? new Date();
    return user;
  }
}

/** E-mail addresses compare without case and surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
