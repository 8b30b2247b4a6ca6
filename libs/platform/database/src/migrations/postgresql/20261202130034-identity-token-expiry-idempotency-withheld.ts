import { Migration } from '@mikro-orm/migrations';

/**
 * API tokens expire (tokens made before this expire 90 days after their creation); idempotency
 * records of endpoints that answer with a secret keep no answer.
 */
export class Migration20261202130034_IdentityTokenExpiryIdempotencyWithheld extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table \"identity_api_token\" add column \"expires_at\" timestamptz null");
    this.addSql("update \"identity_api_token\" set \"expires_at\" = \"created_at\" + interval '90 days'");
    this.addSql("alter table \"identity_api_token\" alter column \"expires_at\" set not null");
    this.addSql("alter table \"http_idempotency\" add column \"response_withheld\" boolean not null default false");
  }

  override async down(): Promise<void> {
    this.addSql("alter table \"http_idempotency\" drop column \"response_withheld\"");
    this.addSql("alter table \"identity_api_token\" drop column \"expires_at\"");
  }
}
