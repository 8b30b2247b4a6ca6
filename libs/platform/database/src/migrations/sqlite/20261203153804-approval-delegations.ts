import { Migration } from '@mikro-orm/migrations';

export class Migration20261203153804_ApprovalDelegations extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `approvals_delegation` (`id` text not null, `version` integer not null default 1, `approver_id` text not null, `delegate_id` text not null, `starts_at` datetime not null, `ends_at` datetime not null, `note` text null, `created_by` text not null, `created_at` datetime not null, `cancelled_at` datetime null, primary key (`id`))");
    this.addSql("create index `approvals_delegation_ends_at_index` on `approvals_delegation` (`ends_at`)");
    this.addSql("create index `approvals_delegation_approver_index` on `approvals_delegation` (`approver_id`, `starts_at`)");
    this.addSql("create index `approvals_request_status_index` on `approvals_request` (`status`)");
    this.addSql("alter table `approvals_settings` add column `reminder_cooldown_hours` integer null");
  }

  override async down(): Promise<void> {

  }
}
