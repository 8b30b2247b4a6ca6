import { Migration } from '@mikro-orm/migrations';

export class Migration20261203153220_ApprovalLinksEmails extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `approvals_link_use` (`link_id` text not null, `request_id` text not null, `approver_id` text not null, `step` integer not null, `action` text not null, `used_at` datetime not null, primary key (`link_id`))");
    this.addSql("create index `approvals_link_use_request_index` on `approvals_link_use` (`request_id`)");
    this.addSql("create table `notifications_email` (`id` text not null, `version` integer not null default 1, `recipient_user_id` text not null, `subject` text not null, `text` text not null, `html` text not null, `source_key` text not null, `created_at` datetime not null, `sent_at` datetime null, primary key (`id`))");
    this.addSql("create unique index `notifications_email_source_key_unique` on `notifications_email` (`source_key`)");
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `approvals_link_use`');
    this.addSql('drop table if exists `notifications_email`');
  }
}
