import { EntitySchema } from '@mikro-orm/core';

/** The first answer to a state-changing request sent with an `Idempotency-Key`, per caller. */
export class IdempotencyRecord {
  /** The caller's user id, or `public` for anonymous requests. */
  scope!: string;
  key!: string;
  /** SHA-256 of method, path and body: the same key with another request is refused. */
  requestHash!: string;
  /** The first answer, to replay; always null when `responseWithheld`. */
  responseBody!: unknown;
  /**
   * The endpoint answers with a secret (`@SecretResponse()`, e.g. a new API token): its answer is
   * never stored, and a retry with the key answers 409 `IDEMPOTENCY.RESPONSE_NOT_REPLAYABLE`.
   */
  responseWithheld!: boolean;
  /** A record lives 24 hours (IDEMPOTENCY_TTL_MS): after that the key is new again and the row is purged. */
  createdAt!: Date;
}

export const IdempotencyRecordSchema = new EntitySchema<IdempotencyRecord>({
  class: IdempotencyRecord,
  tableName: 'http_idempotency',
  properties: {
    scope: { type: 'string', primary: true, length: 100 },
    key: { type: 'string', primary: true, length: 200 },
    requestHash: { type: 'string', length: 64 },
    responseBody: { type: 'json', nullable: true },
    responseWithheld: { type: 'boolean', default: false },
    createdAt: { type: 'datetime', index: 'http_idempotency_created_at_index' },
  },
});
