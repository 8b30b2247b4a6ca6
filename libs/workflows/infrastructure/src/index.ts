// @qa/workflows-infrastructure: MikroORM mappings and repositories of workflows, runs and record
// properties.
export * from './record-snapshot';
export * from './workflows.entities';
export * from './mikro-orm-workflow.repository';
export * from './mikro-orm-run.repository';
export * from './mikro-orm-property-store';
export * from './workflow-version.schema';
export * from './mikro-orm-workflow-versions';
