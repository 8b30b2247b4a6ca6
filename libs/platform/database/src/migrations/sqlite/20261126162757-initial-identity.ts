import { Migration } from '@mikro-orm/migrations';

export class Migration20261126162757_InitialIdentity extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `identity_api_token` (`id` text not null, `user_id` text not null, `name` text not null, `token_hash` text not null, `prefix` text not null, `created_at` datetime not null, `last_used_at` datetime null, `revoked_at` datetime null, primary key (`id`))");
    this.addSql("create index `identity_api_token_user_id_index` on `identity_api_token` (`user_id`)");
    this.addSql("create unique index `identity_api_token_token_hash_unique` on `identity_api_token` (`token_hash`)");
    this.addSql("create table `identity_session` (`id` text not null, `token_hash` text not null, `user_id` text not null, `created_at` datetime not null, `expires_at` datetime not null, `last_seen_at` datetime not null, primary key (`id`))");
    this.addSql("create unique index `identity_session_token_hash_unique` on `identity_session` (`token_hash`)");
    this.addSql("create index `identity_session_user_id_index` on `identity_session` (`user_id`)");
    this.addSql("create index `identity_session_expires_at_index` on `identity_session` (`expires_at`)");
    this.addSql("create table `identity_user` (`id` text not null, `email` text not null, `name` text not null, `role` text not null, `password_hash` text not null, `active` integer not null, `created_at` datetime not null, primary key (`id`))");
    this.addSql("create unique index `identity_user_email_unique` on `identity_user` (`email`)");
    this.addSql("create index `identity_user_role_index` on `identity_user` (`role`)");
  }

  override async down(): Promise<void> {

  }
}
