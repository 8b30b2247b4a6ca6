// @qa/analytics-infrastructure: MikroORM mappings, the facts store, the rounds source and the SQL reader.
export * from './analytics.schemas';
export * from './approval-analytics.reader';
export * from './approval-analytics.statements';
export * from './approval-facts.store';
export * from './approval-round.source';
