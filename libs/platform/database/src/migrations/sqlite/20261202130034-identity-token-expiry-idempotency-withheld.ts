import { Migration } from '@mikro-orm/migrations';

/**
 * API tokens expire (tokens made before this expire 90 days after their creation); idempotency
 * records of endpoints that answer with a secret keep no answer. SQLite cannot add a NOT NULL
 * column without a default, so the token table is rebuilt.
 */
export class Migration20261202130034_IdentityTokenExpiryIdempotencyWithheld extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `identity_api_token__new` (`id` text not null, `user_id` text not null, `name` text not null, `token_hash` text not null, `prefix` text not null, `created_at` datetime not null, `expires_at` datetime not null, `last_used_at` datetime null, `revoked_at` datetime null, primary key (`id`))");
    this.addSql(
      "insert into `identity_api_token__new` (`id`, `user_id`, `name`, `token_hash`, `prefix`, `created_at`, `expires_at`, `last_used_at`, `revoked_at`) " +
        "select `id`, `user_id`, `name`, `token_hash`, `prefix`, `created_at`, " +
        "case when typeof(`created_at`) in ('integer', 'real') then `created_at` + 7776000000 else datetime(`created_at`, '+90 days') end, " +
        "`last_used_at`, `revoked_at` from `identity_api_token`",
    );
    this.addSql('drop table `identity_api_token`');
    this.addSql('alter table `identity_api_token__new` rename to `identity_api_token`');
    this.addSql('create index `identity_api_token_user_id_index` on `identity_api_token` (`user_id`)');
    this.addSql('create unique index `identity_api_token_token_hash_unique` on `identity_api_token` (`token_hash`)');
    this.addSql('alter table `http_idempotency` add column `response_withheld` integer not null default false');
  }

  override async down(): Promise<void> {
    this.addSql('alter table `http_idempotency` drop column `response_withheld`');
    this.addSql('alter table `identity_api_token` drop column `expires_at`');
  }
}
