import { Migration } from '@mikro-orm/migrations';

export class Migration20261203152851_ApprovalTimersBusinessHours extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"approvals_timer\" (\"id\" varchar(36) not null, \"version\" int not null default 1, \"request_id\" varchar(36) not null, \"round\" int not null, \"step\" int not null, \"kind\" varchar(10) not null, \"escalate_to\" varchar(10) null, \"due_at\" timestamptz not null, \"state\" varchar(10) not null, \"ended_at\" timestamptz null, \"created_at\" timestamptz not null, constraint \"approvals_timer_pkey\" primary key (\"id\"))");
    this.addSql("create index \"approvals_timer_state_due_index\" on \"approvals_timer\" (\"state\", \"due_at\")");
    this.addSql("alter table \"approvals_timer\" add constraint \"approvals_timer_step_kind_unique\" unique (\"request_id\", \"round\", \"step\", \"kind\")");
    this.addSql("alter table \"approvals_settings\" add column \"business_hours\" jsonb null");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"approvals_timer\" cascade");
    this.addSql("alter table \"approvals_settings\" drop column \"business_hours\"");
  }
}
