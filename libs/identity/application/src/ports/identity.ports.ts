/** Ports the identity use cases need; identity-infrastructure provides them. */
export abstract class PasswordHasher {
  /** argon2id hash in PHC string form. */
  abstract hash(password: string): Promise<string>;
  abstract verify(hash: string, password: string): Promise<boolean>;
}

/** Who tries to log in: the (normalised) e-mail and the client's address. */
export interface LoginAttempt {
  account: string;
  address: string;
}

/**
 * Throttles logins per account (from any address) and per client address (whatever the account).
 * An attempt is counted before its password is checked, atomically, so attempts sent in parallel
 * all count and no more of them than the limit get a password check.
 */
export abstract class LoginAttemptLimiter {
  /** Counts the attempt; seconds until the account or address may try again (the attempt is then refused unchecked), or 0. */
  abstract begin(attempt: LoginAttempt): Promise<number>;
  /** The password was right: the account's count starts again, and the attempt no longer counts against the address. */
  abstract succeeded(attempt: LoginAttempt): Promise<void>;
}

export abstract class IdentitySettings {
  /** A session unused this long ends (it slides with use). */
  abstract readonly sessionTtlMs: number;
  /** A session ends this long after the login, however active. */
  abstract readonly sessionAbsoluteMs: number;
}
