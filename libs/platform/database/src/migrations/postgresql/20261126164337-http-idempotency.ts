import { Migration } from '@mikro-orm/migrations';

export class Migration20261126164337_HttpIdempotency extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"http_idempotency\" (\"scope\" varchar(100) not null, \"key\" varchar(200) not null, \"request_hash\" varchar(64) not null, \"response_body\" jsonb null, \"created_at\" timestamptz not null, constraint \"http_idempotency_pkey\" primary key (\"scope\", \"key\"))");
    this.addSql("create index \"http_idempotency_created_at_index\" on \"http_idempotency\" (\"created_at\")");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"http_idempotency\" cascade");
  }
}
