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
  userAlreadyInState: (id: string, state: 'active' | 'inactive') =>
    new DomainError(state === 'active' ? 'IDENTITY.USER_ALREADY_ACTIVE' : 'IDENTITY.USER_ALREADY_INACTIVE', `User ${id} is already ${state}`, 'conflict', { id, state }),
};
