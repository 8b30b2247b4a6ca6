/** Ports the identity use cases need; identity-infrastructure provides them. */
export abstract class PasswordHasher {
  /** argon2id hash in PHC string form. */
  abstract hash(password: string): Promise<string>;
  abstract verify(hash: string, password: string): Promise<boolean>;
}

/** Counts failed logins per key (e-mail + client address) and locks out after too many. */
export abstract class LoginAttemptLimiter {
  /** Seconds until the key may try again, or 0 when it may try now. */
  abstract lockedFor(key: string): Promise<number>;
  abstract recordFailure(key: string): Promise<void>;
  abstract reset(key: string): Promise<void>;
}

export abstract class IdentitySettings {
  abstract readonly sessionTtlMs: number;
}
