/**
 * A login session. The browser holds a random token in an httpOnly cookie; only its SHA-256 is
 * stored, so a leaked table does not leak sessions. Sessions slide: use extends them.
 */
export class Session {
  id!: string;
  tokenHash!: string;
  userId!: string;
  createdAt!: Date;
  expiresAt!: Date;
  lastSeenAt!: Date;

  static open(props: { id: string; tokenHash: string; userId: string; ttlMs: number; now: Date }): Session {
    const session = new Session();
    session.id = props.id;
    session.tokenHash = props.tokenHash;
    session.userId = props.userId;
    session.createdAt = props.now;
    session.lastSeenAt = props.now;
    session.expiresAt = new Date(props.now.getTime() + props.ttlMs);
    return session;
  }

  isExpired(now: Date): boolean {
    return now.getTime() >= this.expiresAt.getTime();
  }

  /** Extends the session when less than half its lifetime is left; true when it changed. */
  touch(now: Date, ttlMs: number): boolean {
    if (this.expiresAt.getTime() - now.getTime() > ttlMs / 2) return false;
    this.lastSeenAt = now;
    this.expiresAt = new Date(now.getTime() + ttlMs);
    return true;
  }
}
