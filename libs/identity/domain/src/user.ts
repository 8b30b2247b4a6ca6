import { UserCreated, UserDeactivated, UserReactivated, UserRoleChanged, type UserChangedPayload } from '@qa/identity-contracts';
import { AggregateRoot, uuidv7, type Role } from '@qa/shared-kernel';
import { IdentityErrors } from './identity.errors';

/** A person who logs in. Its changes are events (for the audit log); not versioned: one user's events order by their ids. */
export class User extends AggregateRoot {
  id!: string;
  declare version: number | undefined;
  email!: string;
  name!: string;
  role!: Role;
  passwordHash!: string;
  /**
   * False once an admin deactivated the account: it cannot log in, and its sessions and API tokens
   * are ended at that moment (see DeactivateUserHandler). Other contexts see it as
   * `UserSummary.active` (e.g. to refuse an inactive approver).
   */
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
    user.record(UserCreated, user.payload(), user.createdAt);
    return user;
  }

  protected get aggregateType(): string {
    return 'user';
  }

  payload(): UserChangedPayload {
    return { userId: this.id, email: this.email, name: this.name, role: this.role, active: this.active };
  }

  /** An admin takes the account out of use. Nobody deactivates themselves: an admin would lock the last admin out. */
  deactivate(byUserId: string): void {
    if (byUserId === this.id) throw IdentityErrors.cannotChangeSelf(this.id, 'deactivate');
    if (!this.active) throw IdentityErrors.userAlreadyInState(this.id, 'inactive');
    this.active = false;
    this.record(UserDeactivated, this.payload());
  }

  reactivate(): void {
    if (this.active) throw IdentityErrors.userAlreadyInState(this.id, 'active');
    this.active = true;
    this.record(UserReactivated, this.payload());
  }

  /** An admin gives another user a role; not their own (an admin could demote the last admin). */
  changeRole(role: Role, byUserId: string): void {
    if (byUserId === this.id) throw IdentityErrors.cannotChangeSelf(this.id, 'change-role');
    if (role === this.role) return;
    const previousRole = this.role;
    this.role = role;
    this.record(UserRoleChanged, { ...this.payload(), previousRole });
  }
}

/** E-mail addresses compare without case and surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
