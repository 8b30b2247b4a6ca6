import { Migration } from '@mikro-orm/migrations';

export class Migration20261203152851_ApprovalTimersBusinessHours extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `approvals_timer` (`id` text not null, `version` integer not null default 1, `request_id` text not null, `round` integer not null, `step` integer not null, `kind` text not null, `escalate_to` text null, `due_at` datetime not null, `state` text not null, `ended_at` datetime null, `created_at` datetime not null, primary key (`id`))");
    this.addSql("create index `approvals_timer_state_due_index` on `approvals_timer` (`state`, `due_at`)");
    this.addSql("create unique index `approvals_timer_step_kind_unique` on `approvals_timer` (`request_id`, `round`, `step`, `kind`)");
    this.addSql("alter table `approvals_settings` add column `business_hours` json null");
  }

  override async down(): Promise<void> {

  }
}
