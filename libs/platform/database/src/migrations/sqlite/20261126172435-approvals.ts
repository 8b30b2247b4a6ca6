import { Migration } from '@mikro-orm/migrations';

export class Migration20261126172435_Approvals extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `approvals_request` (`id` text not null, `version` integer not null default 1, `quote_id` text not null, `quote_version` integer not null, `round` integer not null, `owner_id` text not null, `approver_ids` json not null, `mode` text not null, `reasons` json not null, `status` text not null, `decisions` json not null, `snapshot` json not null, `opened_at` datetime not null, `decided_at` datetime null, primary key (`id`))");
    this.addSql("create unique index `approvals_request_quote_round_unique` on `approvals_request` (`quote_id`, `round`)");
    this.addSql("create table `approvals_settings` (`id` text not null, `version` integer not null default 1, `require_approval` integer not null, `default_approver_id` text null, `rules` json not null, `updated_at` datetime not null, `updated_by` text null, primary key (`id`))");
  }

  override async down(): Promise<void> {

  }
}
