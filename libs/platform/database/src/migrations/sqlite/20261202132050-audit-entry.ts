import { Migration } from '@mikro-orm/migrations';

export class Migration20261202132050_AuditEntry extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `audit_entry` (`id` text not null, `event_id` text not null, `occurred_at` datetime not null, `actor_type` text not null, `actor_id` text null, `action` text not null, `subject_type` text not null, `subject_id` text not null, `subject_label` text null, `before` json null, `after` json null, `correlation_id` text not null, primary key (`id`))");
    this.addSql("create unique index `audit_entry_event_unique` on `audit_entry` (`event_id`)");
    this.addSql("create index `audit_entry_subject_index` on `audit_entry` (`subject_type`, `subject_id`, `id`)");
    this.addSql("create index `audit_entry_actor_index` on `audit_entry` (`actor_id`, `id`)");
  }

  override async down(): Promise<void> {

  }
}
