/** A bearer token for scripts. Shown once at creation; only its SHA-256 is stored. */
export class ApiToken {
  id!: string;
  userId!: string;
  name!: string;
  tokenHash!: string;
  /** The first characters of the token, to recognise it in a list. */
  prefix!: string;
  createdAt!: Date;
  lastUsedAt!: Date | null;
  revokedAt!: Date | null;

  static issue(props: { id: string; userId: string; name: string; tokenHash: string; prefix: string; now: Date }): ApiToken {
    const token = new ApiToken();
    Object.assign(token, props, { createdAt: props.now, lastUsedAt: null, revokedAt: null });
    return token;
  }

  isActive(): boolean {
    return this.revokedAt === null;
  }
}
