// @qa/crm-infrastructure: MikroORM mappings and the repository of the CRM context; demo data.
export * from './crm.entities';
export * from './mikro-orm-crm.repository';
export * from './seed-demo-crm';
