// @qa/analytics-application: Use cases, one folder each: commands/<use-case>/, queries/<use-case>/, reactions/<use-case>/.
export * from './analytics.handlers';
export * from './commands/rebuild-approval-facts/rebuild-approval-facts.command';
export * from './ports/approval-analytics.ports';
export * from './queries/get-approval-analytics/get-approval-analytics.query';
export * from './shared/approval-facts-projector';
