import { Migration } from '@mikro-orm/migrations';

export class Migration20261203182848_PolicyDryRuns extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `approvals_dry_run` (`id` text not null, `requested_by` text not null, `created_at` datetime not null, `state` text not null, `limit_n` integer null, `policy` json not null, `processed` integer not null, `total` integer not null, `result` json null, `finished_at` datetime null, primary key (`id`))");
    this.addSql("alter table `quotes_quote` add column `submitted_at` datetime null");
    // Quotes submitted before it was kept: their last change (at or after their last submission, in
    // the format the ORM wrote), when their history has a submission.
    this.addSql(
      "update `quotes_quote` set `submitted_at` = `updated_at` where exists (select 1 from json_each(`quotes_quote`.`history`) h where json_extract(h.value, '$.status') in ('pending_approval', 'approval_not_needed') and json_extract(h.value, '$.previousStatus') in ('draft', 'changes_requested'))",
    );
    this.addSql("create index `quotes_quote_submitted_index` on `quotes_quote` (`submitted_at`, `id`)");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists `approvals_dry_run`");
    this.addSql("drop index if exists `quotes_quote_submitted_index`");
    this.addSql("alter table `quotes_quote` drop column `submitted_at`");
  }
}
