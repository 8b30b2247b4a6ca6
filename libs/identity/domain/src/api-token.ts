import { ApiTokenCreated, ApiTokenRevoked, type ApiTokenChangedPayload } from '@qa/identity-contracts';
import { AggregateRoot } from '@qa/shared-kernel';
/**
 * A bearer token for scripts. Shown once at creation; only its SHA-256 is stored. It ends at
 * `expiresAt` or when revoked. Creating and revoking are events (for the audit log); not versioned.
 */
export class ApiToken extends AggregateRoot {
  declare version: number | undefined;
  /** Days a token lives when its creator names none, and the most they may name. */
  static readonly DEFAULT_LIFETIME_DAYS = 90;
  static readonly MAX_LIFETIME_DAYS = 365;
  /** `lastUsedAt` is written at most this often, so a busy script does not write on every request. */
  static readonly LAST_USED_PRECISION_MS = 60_000;

  id!: string;
  userId!: string;
  name!: string;
  tokenHash!: string;
  /** The first characters of the token, to recognise it in a list. */
  prefix!: string;
  createdAt!: Date;
  expiresAt!: Date;
  lastUsedAt!: Date | null;
  revokedAt!: Date | null;

  static issue(props: { id: string; userId: string; name: string; tokenHash: string; prefix: string; now: Date; lifetimeDays?: number }): ApiToken {
    const days = props.lifetimeDays ?? ApiToken.DEFAULT_LIFETIME_DAYS;
    if (!Number.isInteger(days) || days < 1 || days > ApiToken.MAX_LIFETIME_DAYS) throw new RangeError(`lifetimeDays must be 1 to ${ApiToken.MAX_LIFETIME_DAYS}`);
    const token = new ApiToken();
    const { lifetimeDays: _lifetime, now, ...rest } = props;
    Object.assign(token, rest, { createdAt: now, expiresAt: new Date(now.getTime() + days * 86_400_000), lastUsedAt: null, revokedAt: null });
    token.record(ApiTokenCreated, token.payload(), now);
    return token;
  }

  protected get aggregateType(): string {
    return 'api-token';
  }

  payload(): ApiTokenChangedPayload {
    return { tokenId: this.id, userId: this.userId, name: this.name, prefix: this.prefix, expiresAt: new Date(this.expiresAt).toISOString(), revoked: this.revokedAt !== null };
  }

  /** Not revoked and not expired (at `now`). */
  isActive(now: Date): boolean {
    return this.revokedAt === null && now.getTime() < this.expiresAt.getTime();
  }

  /** Records a use; true when `lastUsedAt` changed and needs saving (at most once a minute). */
  markUsed(now: Date): boolean {
    if (this.lastUsedAt && now.getTime() - this.lastUsedAt.getTime() < ApiToken.LAST_USED_PRECISION_MS) return false;
    this.lastUsedAt = now;
    return true;
  }

  revoke(now: Date): void {
    if (this.revokedAt) return;
    this.revokedAt = now;
    this.record(ApiTokenRevoked, this.payload(), now);
  }
}
