import { Migration } from '@mikro-orm/migrations';

export class Migration20261202130629_ApprovalsRouteCrmOwners extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table `approvals_request` add column `submitted_by` text null");
    this.addSql("alter table `crm_company` add column `owner_id` text null");
    this.addSql("create index `crm_company_owner_id_index` on `crm_company` (`owner_id`)");
    this.addSql("alter table `crm_contact` add column `owner_id` text null");
    this.addSql("create index `crm_contact_owner_id_index` on `crm_contact` (`owner_id`)");
    this.addSql("alter table `quotes_quote` add column `approval_route` json null");
  }

  override async down(): Promise<void> {

  }
}
