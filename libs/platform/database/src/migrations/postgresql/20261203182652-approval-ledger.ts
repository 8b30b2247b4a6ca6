import { Migration } from '@mikro-orm/migrations';

export class Migration20261203182652_ApprovalLedger extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"audit_ledger\" (\"seq\" int not null, \"event_id\" varchar(36) not null, \"occurred_at\" timestamptz not null, \"recorded_at\" timestamptz not null, \"kind\" varchar(40) not null, \"quote_id\" varchar(36) null, \"actor_type\" varchar(10) not null, \"actor_id\" varchar(36) null, \"payload\" text not null, \"prev_hash\" varchar(64) not null, \"hash\" varchar(64) not null, constraint \"audit_ledger_pkey\" primary key (\"seq\"))");
    this.addSql("alter table \"audit_ledger\" add constraint \"audit_ledger_event_unique\" unique (\"event_id\")");
    this.addSql("create index \"audit_ledger_quote_index\" on \"audit_ledger\" (\"quote_id\", \"seq\")");
    this.addSql("create index \"audit_ledger_occurred_index\" on \"audit_ledger\" (\"occurred_at\", \"seq\")");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"audit_ledger\" cascade");
  }
}
