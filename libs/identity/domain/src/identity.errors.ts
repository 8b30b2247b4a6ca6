import { DomainError } from '@qa/shared-kernel';

export const IdentityErrors = {
  /** Same answer whether the account exists or not. */
  invalidCredentials: () => new DomainError('AUTH.INVALID_CREDENTIALS', 'Wrong e-mail or password', 'unauthenticated'),
  tooManyAttempts: (retryAfterSeconds: number) =>
    new DomainError('AUTH.TOO_MANY_ATTEMPTS', 'Too many failed logins; try again later', 'rate-limited', { retryAfterSeconds }),
  apiTokenNotFound: (id: string) => new DomainError('AUTH.API_TOKEN_NOT_FOUND', `No API token ${id}`, 'not-found', { id }),
};
