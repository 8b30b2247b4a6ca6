/**
 * An error that breaks a domain rule. `code` is stable (e.g. `QUOTES.NOT_EDITABLE`) and is what
 * clients branch on; `kind` tells the HTTP edge which status to answer with.
 */
export type DomainErrorKind = 'bad-request' | 'invalid' | 'not-found' | 'conflict' | 'gone' | 'forbidden' | 'unauthenticated' | 'rate-limited';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'conflict',
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
