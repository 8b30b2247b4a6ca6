import { Migration } from '@mikro-orm/migrations';

export class Migration20261126162757_InitialIdentity extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"identity_api_token\" (\"id\" varchar(36) not null, \"user_id\" varchar(36) not null, \"name\" varchar(100) not null, \"token_hash\" varchar(64) not null, \"prefix\" varchar(16) not null, \"created_at\" timestamptz not null, \"last_used_at\" timestamptz null, \"revoked_at\" timestamptz null, constraint \"identity_api_token_pkey\" primary key (\"id\"))");
    this.addSql("create index \"identity_api_token_user_id_index\" on \"identity_api_token\" (\"user_id\")");
    this.addSql("alter table \"identity_api_token\" add constraint \"identity_api_token_token_hash_unique\" unique (\"token_hash\")");
    this.addSql("create table \"identity_session\" (\"id\" varchar(36) not null, \"token_hash\" varchar(64) not null, \"user_id\" varchar(36) not null, \"created_at\" timestamptz not null, \"expires_at\" timestamptz not null, \"last_seen_at\" timestamptz not null, constraint \"identity_session_pkey\" primary key (\"id\"))");
    this.addSql("alter table \"identity_session\" add constraint \"identity_session_token_hash_unique\" unique (\"token_hash\")");
    this.addSql("create index \"identity_session_user_id_index\" on \"identity_session\" (\"user_id\")");
    this.addSql("create index \"identity_session_expires_at_index\" on \"identity_session\" (\"expires_at\")");
    this.addSql("create table \"identity_user\" (\"id\" varchar(36) not null, \"email\" varchar(320) not null, \"name\" varchar(200) not null, \"role\" varchar(16) not null, \"password_hash\" varchar(255) not null, \"active\" boolean not null, \"created_at\" timestamptz not null, constraint \"identity_user_pkey\" primary key (\"id\"))");
    this.addSql("alter table \"identity_user\" add constraint \"identity_user_email_unique\" unique (\"email\")");
    this.addSql("create index \"identity_user_role_index\" on \"identity_user\" (\"role\")");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"identity_api_token\" cascade");
    this.addSql("drop table if exists \"identity_session\" cascade");
    this.addSql("drop table if exists \"identity_user\" cascade");
  }
}
