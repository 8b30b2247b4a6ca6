/**
 * A login session. The browser holds a random token in an httpOnly cookie; only its SHA-256 is
 * stored, so a leaked table does not leak sessions. Sessions slide: use extends them, but never
 * past their absolute lifetime counted from the login (`createdAt`).
 */
export class Session {
  id!: string;
  tokenHash!: string;
  userId!: string;
  createdAt!: Date;
  expiresAt!: Date;
  lastSeenAt!: Date;

  /** `ttlMs`: idle lifetime; `absoluteMs`: the most a session lives, however active (default: no cap). */
  static open(props: { id: string; tokenHash: string; userId: string; ttlMs: number; absoluteMs?: number; now: Date }): Session {
    const session = new Session();
    session.id = props.id;
    session.tokenHash = props.tokenHash;
    session.userId = props.userId;
    session.createdAt = props.now;
    session.lastSeenAt = props.now;
    session.expiresAt = session.capped(new Date(props.now.getTime() + props.ttlMs), props.absoluteMs);
    return session;
  }

  isExpired(now: Date, absoluteMs = Number.POSITIVE_INFINITY): boolean {
    return now.getTime() >= this.expiresAt.getTime() || now.getTime() - this.createdAt.getTime() >= absoluteMs;
  }

  /** Extends the session when less than half its idle lifetime is left (never past its absolute end); true when it changed. */
  touch(now: Date, ttlMs: number, absoluteMs?: number): boolean {
    if (this.expiresAt.getTime() - now.getTime() > ttlMs / 2) return false;
    const next = this.capped(new Date(now.getTime() + ttlMs), absoluteMs);
    if (next.getTime() <= this.expiresAt.getTime()) return false;
    this.lastSeenAt = now;
    this.expiresAt = next;
    return true;
  }

  private capped(expiresAt: Date, absoluteMs: number | undefined): Date {
    if (absoluteMs === undefined) return expiresAt;
    return new Date(Math.min(expiresAt.getTime(), this.createdAt.getTime() + absoluteMs));
  }
}
