// @qa/workflows-domain: workflows as data: definitions, matching, conditions, templates, runs and
// record properties. No framework imports.
export * from './workflow-definition';
export * from './matching';
export * from './templating';
export * from './workflow-run';
export * from './record-property';
