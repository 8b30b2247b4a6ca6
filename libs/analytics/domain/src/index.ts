// @qa/analytics-domain: the approval analytics' facts (projected from approval rounds), their filter and statistics.
export * from './analytics.errors';
export * from './analytics-filter';
export * from './approval-facts';
export * from './stats';
