import { Migration } from '@mikro-orm/migrations';

export class Migration20261203182652_ApprovalLedger extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `audit_ledger` (`seq` integer not null, `event_id` text not null, `occurred_at` datetime not null, `recorded_at` datetime not null, `kind` text not null, `quote_id` text null, `actor_type` text not null, `actor_id` text null, `payload` text not null, `prev_hash` text not null, `hash` text not null, primary key (`seq`))");
    this.addSql("create unique index `audit_ledger_event_unique` on `audit_ledger` (`event_id`)");
    this.addSql("create index `audit_ledger_quote_index` on `audit_ledger` (`quote_id`, `seq`)");
    this.addSql("create index `audit_ledger_occurred_index` on `audit_ledger` (`occurred_at`, `seq`)");
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `audit_ledger`');
  }
}
