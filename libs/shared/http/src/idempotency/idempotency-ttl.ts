import { SetMetadata } from '@nestjs/common';

/** How long an Idempotency-Key holds: a retry after this is a new request, and the record is purged. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

export const SECRET_RESPONSE = 'qa:secret-response';

/**
 * Marks an endpoint whose answer carries a secret (a new API token): the Idempotency-Key record
 * keeps no answer, so the secret is never stored, and a retry with the same key acts no second
 * time but answers 409 `IDEMPOTENCY.RESPONSE_NOT_REPLAYABLE` (list what exists, or use a new key).
 */
export const SecretResponse = () => SetMetadata(SECRET_RESPONSE, true);
