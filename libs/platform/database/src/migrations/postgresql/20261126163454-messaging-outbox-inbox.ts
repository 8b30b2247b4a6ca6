import { Migration } from '@mikro-orm/migrations';

export class Migration20261126163454_MessagingOutboxInbox extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"messaging_inbox\" (\"event_id\" varchar(36) not null, \"subscriber\" varchar(100) not null, \"processed_at\" timestamptz not null, \"attempts\" int not null, constraint \"messaging_inbox_pkey\" primary key (\"event_id\", \"subscriber\"))");
    this.addSql("create table \"messaging_outbox\" (\"id\" varchar(36) not null, \"name\" varchar(200) not null, \"aggregate_type\" varchar(100) not null, \"aggregate_id\" varchar(100) not null, \"aggregate_version\" int not null, \"payload\" jsonb not null, \"occurred_at\" timestamptz not null, \"actor_type\" varchar(16) not null, \"actor_id\" varchar(100) null, \"correlation_id\" varchar(100) not null, \"next_publish_at\" timestamptz not null, \"publish_count\" int not null, \"subscriber_count\" int null, \"delivered_at\" timestamptz null, constraint \"messaging_outbox_pkey\" primary key (\"id\"))");
    this.addSql("create index \"messaging_outbox_pending_index\" on \"messaging_outbox\" (\"delivered_at\", \"next_publish_at\")");
    this.addSql("create index \"messaging_outbox_aggregate_index\" on \"messaging_outbox\" (\"aggregate_type\", \"aggregate_id\", \"aggregate_version\")");
    // Wakes the relays (LISTEN qa_outbox) when a transaction that wrote outbox rows commits.
    // Written by hand: MikroORM's schema diff does not model triggers.
    this.addSql("create or replace function messaging_outbox_notify() returns trigger language plpgsql as $$ begin perform pg_notify('qa_outbox', ''); return null; end $$");
    this.addSql("create trigger messaging_outbox_notify after insert on messaging_outbox for each statement execute function messaging_outbox_notify()");
  }

  override async down(): Promise<void> {
    this.addSql("drop trigger if exists messaging_outbox_notify on messaging_outbox");
    this.addSql("drop function if exists messaging_outbox_notify()");
    this.addSql("drop table if exists \"messaging_inbox\" cascade");
    this.addSql("drop table if exists \"messaging_outbox\" cascade");
  }
}
