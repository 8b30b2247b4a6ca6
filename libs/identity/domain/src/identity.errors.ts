import { DomainError } from '@qa/shared-kernel';

export const IdentityErrors = {
  /** Same answer whether the account exists or not (and whether it is deactivated). */
  invalidCredentials: () => new DomainError('AUTH.INVALID_CREDENTIALS', 'Wrong e-mail or password', 'unauthenticated'),
  tooManyAttempts: (retryAfterSeconds: number) =>
    new DomainError('AUTH.TOO_MANY_ATTEMPTS', 'Too many failed logins; try again later', 'rate-limited', { retryAfterSeconds }),
  apiTokenNotFound: (id: string) => new DomainError('AUTH.API_TOKEN_NOT_FOUND', `No API token ${id}`, 'not-found', { id }),
  emailTaken: (email: string) => new DomainError('IDENTITY.EMAIL_TAKEN', `A user with e-mail ${email} exists`, 'conflict', { email }),
  userNotFound: (id: string) => new DomainError('IDENTITY.USER_NOT_FOUND', `No user ${id}`, 'not-found', { id }),
  cannotChangeSelf: (id: string, action: 'deactivate' | 'change-role') =>
    new DomainError('IDENTITY.CANNOT_CHANGE_SELF', 'Admins cannot deactivate themselves or change their own role', 'invalid', { id, action }),
  /** A team name must be 1 to 60 characters once trimmed (or no team: null). */
  invalidTeam: (reason: string) => new DomainError('IDENTITY.INVALID_TEAM', `team: ${reason}`, 'invalid', { fields: [{ field: 'team', reason }] }),
  /**
   * The manager a user would report to: not a user (`problem: 'unknown-user'`), the user themselves
   * (`'self'`), or someone who (in)directly reports to the user (`'loop'`, with the chain of user
   * ids as `path`, starting and ending with the user).
   */
  invalidReportsTo: (reason: string, params: { userId: string; reportsTo: string; problem: 'unknown-user' | 'self' | 'loop'; path?: string[] }) =>
    new DomainError('IDENTITY.INVALID_REPORTS_TO', `reportsTo: ${reason}`, 'invalid', { fields: [{ field: 'reportsTo', reason }], ...params }),
  userAlreadyInState: (id: string, state: 'active' | 'inactive') =>
    new DomainError(state === 'active' ? 'IDENTITY.USER_ALREADY_ACTIVE' : 'IDENTITY.USER_ALREADY_INACTIVE', `User ${id} is already ${state}`, 'conflict', { id, state }),
};
