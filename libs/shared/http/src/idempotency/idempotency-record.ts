import { EntitySchema } from '@mikro-orm/core';

/** The first answer to a state-changing request sent with an `Idempotency-Key`, per caller. */
export class IdempotencyRecord {
  /** The caller's user id, or `public` for anonymous requests. */
  scope!: string;
  key!: string;
  /** SHA-256 of method, path and body: the same key with another request is refused. */
  requestHash!: string;
  responseBody!: unknown;
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
    createdAt: { type: 'datetime', index: 'http_idempotency_created_at_index' },
  },
});
