import { Migration } from '@mikro-orm/migrations';

export class Migration20261203153220_ApprovalLinksEmails extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"approvals_link_use\" (\"link_id\" varchar(32) not null, \"request_id\" varchar(36) not null, \"approver_id\" varchar(36) not null, \"step\" int not null, \"action\" varchar(20) not null, \"used_at\" timestamptz not null, constraint \"approvals_link_use_pkey\" primary key (\"link_id\"))");
    this.addSql("create index \"approvals_link_use_request_index\" on \"approvals_link_use\" (\"request_id\")");
    this.addSql("create table \"notifications_email\" (\"id\" varchar(36) not null, \"version\" int not null default 1, \"recipient_user_id\" varchar(36) not null, \"subject\" varchar(300) not null, \"text\" text not null, \"html\" text not null, \"source_key\" varchar(200) not null, \"created_at\" timestamptz not null, \"sent_at\" timestamptz null, constraint \"notifications_email_pkey\" primary key (\"id\"))");
    this.addSql("alter table \"notifications_email\" add constraint \"notifications_email_source_key_unique\" unique (\"source_key\")");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"approvals_link_use\" cascade");
    this.addSql("drop table if exists \"notifications_email\" cascade");
  }
}
