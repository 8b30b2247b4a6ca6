import { Query } from '@nestjs/cqrs';
import type { Caller } from '@qa/shared-kernel';

/** Who is behind a session cookie or a bearer token; null when neither is valid. */
export class ResolveCallerQuery extends Query<Caller | null> {
  constructor(readonly credentials: { sessionToken?: string; bearerToken?: string }) {
    super();
  }
}
