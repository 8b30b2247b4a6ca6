// @qa/crm-contracts: what other contexts may know of companies, contacts and deals.
export * from './deal-stage';
export * from './crm-records';
export * from './find-crm-records.query';
export * from './change-deal-stage.command';
export * from './deal-events';
export * from './country';
