import { UserCreated, UserDeactivated, UserOrgChanged, UserReactivated, UserRoleChanged, type UserChangedPayload } from '@qa/identity-contracts';
import { AggregateRoot, uuidv7, type Role } from '@qa/shared-kernel';
import { IdentityErrors } from './identity.errors';

/** A person who logs in. Its changes are events (for the audit log); not versioned: one user's events order by their ids. */
export class User extends AggregateRoot {
  /** The longest team name (trimmed). */
  static readonly MAX_TEAM_LENGTH = 60;

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
  /** The team the user works in (e.g. "Sales"), or null: set by an admin (placeInOrg). */
  team!: string | null;
  /** The id of the user's manager, or null; never the user themselves nor anyone below them. */
  reportsTo!: string | null;
  createdAt!: Date;

  /**
   * A new user; `team` and `reportsTo` (an existing user's id) place them in the org from the start
   * (the demo seed does), which the created event does not carry.
   */
  static create(props: { email: string; name: string; role: Role; passwordHash: string; now?: Date; team?: string | null; reportsTo?: string | null }): User {
    const user = new User();
    user.id = uuidv7();
    user.email = normaliseEmail(props.email);
    user.name = props.name.trim();
    user.role = props.role;
    user.passwordHash = props.passwordHash;
    user.active = true;
    user.team = normaliseTeam(props.team ?? null);
    user.reportsTo = props.reportsTo ?? null;
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

  /** An admin gives another user a role; not their own (an admin could demote the last admin). Their own, unchanged, is no change. */
  changeRole(role: Role, byUserId: string): void {
    if (role === this.role) return;
    if (byUserId === this.id) throw IdentityErrors.cannotChangeSelf(this.id, 'change-role');
    const previousRole = this.role;
    this.role = role;
    this.record(UserRoleChanged, { ...this.payload(), previousRole });
  }

  /**
   * An admin puts the user in a team and under a manager (either may be null). Any admin may do it
   * for anyone, themselves included: it grants no rights. The manager must be another known user
   * who does not (directly or through others) report to this user: the chain of managers is
   * followed through `directory` (every user) and a loop is refused with its path. Unchanged: no-op.
   */
  placeInOrg(org: { team: string | null; reportsTo: string | null }, directory: OrgDirectory): void {
    const team = normaliseTeam(org.team);
    const reportsTo = org.reportsTo;
    if (reportsTo !== null) this.checkManager(reportsTo, directory);
    if (team === this.team && reportsTo === this.reportsTo) return;
    const previousTeam = this.team;
    const previousReportsTo = this.reportsTo;
    this.team = team;
    this.reportsTo = reportsTo;
    this.record(UserOrgChanged, { ...this.payload(), team, reportsTo, previousTeam, previousReportsTo });
  }

  private checkManager(reportsTo: string, directory: OrgDirectory): void {
    const params = { userId: this.id, reportsTo };
    if (reportsTo === this.id) throw IdentityErrors.invalidReportsTo('a user cannot report to themselves', { ...params, problem: 'self' });
    if (!directory.has(reportsTo)) throw IdentityErrors.invalidReportsTo('unknown user', { ...params, problem: 'unknown-user' });
    // Up the chain from the new manager: reaching this user again would close a loop. At most one
    // step per user; a loop above that does not pass through this user is not this change's.
    const path = [this.id, reportsTo];
    const seen = new Set(path);
    for (let above = directory.get(reportsTo)?.reportsTo ?? null; above !== null; above = directory.get(above)?.reportsTo ?? null) {
      path.push(above);
      if (above === this.id) {
        const names = path.map((id) => (id === this.id ? this.name : (directory.get(id)?.name ?? id)));
        throw IdentityErrors.invalidReportsTo(`would make a loop: ${names.join(' → ')}`, { ...params, problem: 'loop', path });
      }
      if (seen.has(above)) return;
      seen.add(above);
    }
  }
}

/** A team name trimmed, and 1 to MAX_TEAM_LENGTH characters long; null is no team. */
function normaliseTeam(team: string | null): string | null {
  if (team === null) return null;
  const trimmed = team.trim();
  if (trimmed.length === 0 || trimmed.length > User.MAX_TEAM_LENGTH) {
    throw IdentityErrors.invalidTeam(`must be 1 to ${User.MAX_TEAM_LENGTH} characters (or null for no team)`);
  }
  return trimmed;
}

/** Every user's name and manager by user id: what placing a user in the org checks against. */
export type OrgDirectory = ReadonlyMap<string, { name: string; reportsTo: string | null }>;

export function orgDirectory(users: Iterable<{ id: string; name: string; reportsTo: string | null }>): OrgDirectory {
  return new Map([...users].map(({ id, name, reportsTo }) => [id, { name, reportsTo }]));
}

/** E-mail addresses compare without case and surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
