import { Migration } from '@mikro-orm/migrations';

export class Migration20261202130629_ApprovalsRouteCrmOwners extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table \"approvals_request\" add column \"submitted_by\" varchar(36) null");
    this.addSql("alter table \"crm_company\" add column \"owner_id\" varchar(36) null");
    this.addSql("create index \"crm_company_owner_id_index\" on \"crm_company\" (\"owner_id\")");
    this.addSql("alter table \"crm_contact\" add column \"owner_id\" varchar(36) null");
    this.addSql("create index \"crm_contact_owner_id_index\" on \"crm_contact\" (\"owner_id\")");
    this.addSql("alter table \"quotes_quote\" add column \"approval_route\" jsonb null");
  }

  override async down(): Promise<void> {
    this.addSql("alter table \"approvals_request\" drop column \"submitted_by\"");
    this.addSql("drop index \"crm_company_owner_id_index\"");
    this.addSql("alter table \"crm_company\" drop column \"owner_id\"");
    this.addSql("drop index \"crm_contact_owner_id_index\"");
    this.addSql("alter table \"crm_contact\" drop column \"owner_id\"");
    this.addSql("alter table \"quotes_quote\" drop column \"approval_route\"");
  }
}
