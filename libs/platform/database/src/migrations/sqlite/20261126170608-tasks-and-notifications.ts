import { Migration } from '@mikro-orm/migrations';

export class Migration20261126170608_TasksAndNotifications extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `notifications_notification` (`id` text not null, `version` integer not null default 1, `recipient_user_id` text not null, `title` text not null, `body` text not null, `link` text null, `source_key` text null, `created_at` datetime not null, `read_at` datetime null, `emailed_at` datetime null, primary key (`id`))");
    this.addSql("create unique index `notifications_source_key_unique` on `notifications_notification` (`source_key`)");
    this.addSql("create index `notifications_recipient_index` on `notifications_notification` (`recipient_user_id`, `read_at`, `created_at`)");
    this.addSql("create table `tasks_task` (`id` text not null, `version` integer not null default 1, `title` text not null, `notes` text not null, `assignee_id` text not null, `related_type` text null, `related_id` text null, `due_on` text null, `priority` text not null, `status` text not null, `created_by_type` text not null, `created_by_id` text null, `source_key` text null, `created_at` datetime not null, `completed_at` datetime null, `completed_by` text null, primary key (`id`))");
    this.addSql("create unique index `tasks_task_source_key_unique` on `tasks_task` (`source_key`)");
    this.addSql("create index `tasks_task_assignee_status_index` on `tasks_task` (`assignee_id`, `status`, `created_at`)");
    this.addSql("create index `tasks_task_related_index` on `tasks_task` (`related_type`, `related_id`)");
  }

  override async down(): Promise<void> {

  }
}
