// @qa/shared-kernel: building blocks every context's domain uses. No framework imports.
export * from './domain-error';
export * from './aggregate-root';
export * from './integration-event';
export * from './ids';
export * from './access';
export * from './event-visibility';
export * from './money';
export * from './clock';
export * from './integration-event-handler';
