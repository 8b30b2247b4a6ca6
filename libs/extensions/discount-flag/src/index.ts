// @qa/extensions-discount-flag: an example of a platform team's workflow action, in its own
// library. It adds the action `flag_discount` without touching the engine: a provider marked
// `@WorkflowActionProvider()`, in a module the worker (and the API, for validation) imports.
export * from './flag-discount.action';
export * from './discount-flag.module';
