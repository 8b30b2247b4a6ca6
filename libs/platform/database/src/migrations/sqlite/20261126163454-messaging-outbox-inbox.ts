import { Migration } from '@mikro-orm/migrations';

export class Migration20261126163454_MessagingOutboxInbox extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `messaging_inbox` (`event_id` text not null, `subscriber` text not null, `processed_at` datetime not null, `attempts` integer not null, primary key (`event_id`, `subscriber`))");
    this.addSql("create table `messaging_outbox` (`id` text not null, `name` text not null, `aggregate_type` text not null, `aggregate_id` text not null, `aggregate_version` integer not null, `payload` json not null, `occurred_at` datetime not null, `actor_type` text not null, `actor_id` text null, `correlation_id` text not null, `next_publish_at` datetime not null, `publish_count` integer not null, `subscriber_count` integer null, `delivered_at` datetime null, primary key (`id`))");
    this.addSql("create index `messaging_outbox_pending_index` on `messaging_outbox` (`delivered_at`, `next_publish_at`)");
    this.addSql("create index `messaging_outbox_aggregate_index` on `messaging_outbox` (`aggregate_type`, `aggregate_id`, `aggregate_version`)");
  }

  override async down(): Promise<void> {

  }
}
