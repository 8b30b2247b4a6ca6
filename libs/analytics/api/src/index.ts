// @qa/analytics-api: HTTP controllers and DTOs, the Nest modules.
export * from './analytics.dtos';
export * from './analytics.module';
