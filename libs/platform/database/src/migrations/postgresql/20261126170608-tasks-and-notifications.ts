import { Migration } from '@mikro-orm/migrations';

export class Migration20261126170608_TasksAndNotifications extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"notifications_notification\" (\"id\" varchar(36) not null, \"version\" int not null default 1, \"recipient_user_id\" varchar(36) not null, \"title\" varchar(300) not null, \"body\" text not null, \"link\" varchar(500) null, \"source_key\" varchar(200) null, \"created_at\" timestamptz not null, \"read_at\" timestamptz null, \"emailed_at\" timestamptz null, constraint \"notifications_notification_pkey\" primary key (\"id\"))");
    this.addSql("alter table \"notifications_notification\" add constraint \"notifications_source_key_unique\" unique (\"source_key\")");
    this.addSql("create index \"notifications_recipient_index\" on \"notifications_notification\" (\"recipient_user_id\", \"read_at\", \"created_at\")");
    this.addSql("create table \"tasks_task\" (\"id\" varchar(36) not null, \"version\" int not null default 1, \"title\" varchar(300) not null, \"notes\" text not null, \"assignee_id\" varchar(36) not null, \"related_type\" varchar(40) null, \"related_id\" varchar(36) null, \"due_on\" varchar(10) null, \"priority\" varchar(10) not null, \"status\" varchar(12) not null, \"created_by_type\" varchar(10) not null, \"created_by_id\" varchar(36) null, \"source_key\" varchar(200) null, \"created_at\" timestamptz not null, \"completed_at\" timestamptz null, \"completed_by\" varchar(36) null, constraint \"tasks_task_pkey\" primary key (\"id\"))");
    this.addSql("alter table \"tasks_task\" add constraint \"tasks_task_source_key_unique\" unique (\"source_key\")");
    this.addSql("create index \"tasks_task_assignee_status_index\" on \"tasks_task\" (\"assignee_id\", \"status\", \"created_at\")");
    this.addSql("create index \"tasks_task_related_index\" on \"tasks_task\" (\"related_type\", \"related_id\")");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"notifications_notification\" cascade");
    this.addSql("drop table if exists \"tasks_task\" cascade");
  }
}
