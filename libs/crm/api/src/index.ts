// @qa/crm-api: the CRM's HTTP endpoints and Nest module.
export * from './crm.module';
