// @qa/workflows-domain: workflows as data: definitions, matching, conditions, templates, runs and
// record properties. No framework imports.
export * from './workflow.errors';
export * from './workflow-definition';
export * from './matching';
export * from './templating';
export * from './workflow-run';
export * from './workflow-run-step';
export * from './record-property';
export * from './workflow-version';
