// @qa/workflows-api: the workflows endpoints, the step worker, the modules.
export * from './workflow-steps.queue';
export * from './workflows.controller';
export * from './workflows.module';
