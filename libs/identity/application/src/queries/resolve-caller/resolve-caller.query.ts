import { Query } from '@nestjs/cqrs';
import type { Caller } from '@qa/shared-kernel';

/**
 * Who is behind a session cookie or a bearer token; null when neither is valid. A request by the
 * person extends their session's idle lifetime and marks a token used; a check on their behalf
 * (`{ touch: false }`, e.g. an open live stream looking again) does neither, so an idle tab does
 * not keep a session alive.
 */
export class ResolveCallerQuery extends Query<Caller | null> {
  constructor(
    readonly credentials: { sessionToken?: string; bearerToken?: string },
    readonly options: { touch?: boolean } = {},
  ) {
    super();
  }
}
