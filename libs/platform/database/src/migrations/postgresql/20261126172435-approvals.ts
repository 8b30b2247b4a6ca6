import { Migration } from '@mikro-orm/migrations';

export class Migration20261126172435_Approvals extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"approvals_request\" (\"id\" varchar(36) not null, \"version\" int not null default 1, \"quote_id\" varchar(36) not null, \"quote_version\" int not null, \"round\" int not null, \"owner_id\" varchar(36) not null, \"approver_ids\" jsonb not null, \"mode\" varchar(4) not null, \"reasons\" jsonb not null, \"status\" varchar(20) not null, \"decisions\" jsonb not null, \"snapshot\" jsonb not null, \"opened_at\" timestamptz not null, \"decided_at\" timestamptz null, constraint \"approvals_request_pkey\" primary key (\"id\"))");
    this.addSql("alter table \"approvals_request\" add constraint \"approvals_request_quote_round_unique\" unique (\"quote_id\", \"round\")");
    this.addSql("create table \"approvals_settings\" (\"id\" varchar(20) not null, \"version\" int not null default 1, \"require_approval\" boolean not null, \"default_approver_id\" varchar(36) null, \"rules\" jsonb not null, \"updated_at\" timestamptz not null, \"updated_by\" varchar(36) null, constraint \"approvals_settings_pkey\" primary key (\"id\"))");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"approvals_request\" cascade");
    this.addSql("drop table if exists \"approvals_settings\" cascade");
  }
}
