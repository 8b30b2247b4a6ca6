import { Migration } from '@mikro-orm/migrations';

export class Migration20261203160856_NotificationPreferences extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"notifications_preference\" (\"user_id\" varchar(36) not null, \"version\" int not null default 1, \"choices\" jsonb not null, \"updated_at\" timestamptz null, constraint \"notifications_preference_pkey\" primary key (\"user_id\"))");
    this.addSql("alter table \"notifications_notification\" add column \"email_copy\" boolean not null default true");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"notifications_preference\" cascade");
    this.addSql("alter table \"notifications_notification\" drop column \"email_copy\"");
  }
}
