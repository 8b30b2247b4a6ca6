import { Migration } from '@mikro-orm/migrations';

export class Migration20261203160856_NotificationPreferences extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `notifications_preference` (`user_id` text not null, `version` integer not null default 1, `choices` json not null, `updated_at` datetime null, primary key (`user_id`))");
    this.addSql("alter table `notifications_notification` add column `email_copy` integer not null default true");
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `notifications_preference`');
    this.addSql('alter table `notifications_notification` drop column `email_copy`');
  }
}
