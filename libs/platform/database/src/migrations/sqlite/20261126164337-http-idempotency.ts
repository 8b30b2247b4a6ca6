import { Migration } from '@mikro-orm/migrations';

export class Migration20261126164337_HttpIdempotency extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `http_idempotency` (`scope` text not null, `key` text not null, `request_hash` text not null, `response_body` json null, `created_at` datetime not null, primary key (`scope`, `key`))");
    this.addSql("create index `http_idempotency_created_at_index` on `http_idempotency` (`created_at`)");
  }

  override async down(): Promise<void> {

  }
}
