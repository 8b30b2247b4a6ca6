// @qa/shared-http: HTTP conventions every context's controllers follow: access rules, the error
// body, validation at the edge.
export * from './access.decorators';
export * from './cqrs-controller';
export * from './error-response';
export * from './http-error.filter';
export * from './validation.pipe';
export * from './endpoint-access-rules';
export * from './idempotency/idempotency-record';
export * from './idempotency/idempotency.interceptor';
export * from './idempotency/idempotency-ttl';
export * from './idempotency/idempotency-purger';
