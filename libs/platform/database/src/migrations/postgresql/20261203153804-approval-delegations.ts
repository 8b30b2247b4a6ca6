import { Migration } from '@mikro-orm/migrations';

export class Migration20261203153804_ApprovalDelegations extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"approvals_delegation\" (\"id\" varchar(36) not null, \"version\" int not null default 1, \"approver_id\" varchar(36) not null, \"delegate_id\" varchar(36) not null, \"starts_at\" timestamptz not null, \"ends_at\" timestamptz not null, \"note\" varchar(500) null, \"created_by\" varchar(36) not null, \"created_at\" timestamptz not null, \"cancelled_at\" timestamptz null, constraint \"approvals_delegation_pkey\" primary key (\"id\"))");
    this.addSql("create index \"approvals_delegation_ends_at_index\" on \"approvals_delegation\" (\"ends_at\")");
    this.addSql("create index \"approvals_delegation_approver_index\" on \"approvals_delegation\" (\"approver_id\", \"starts_at\")");
    this.addSql("create index \"approvals_request_status_index\" on \"approvals_request\" (\"status\")");
    this.addSql("alter table \"approvals_settings\" add column \"reminder_cooldown_hours\" int null");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"approvals_delegation\" cascade");
    this.addSql("drop index \"approvals_request_status_index\"");
    this.addSql("alter table \"approvals_settings\" drop column \"reminder_cooldown_hours\"");
  }
}
