import { Migration } from '@mikro-orm/migrations';

export class Migration20261202132050_AuditEntry extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"audit_entry\" (\"id\" varchar(36) not null, \"event_id\" varchar(36) not null, \"occurred_at\" timestamptz not null, \"actor_type\" varchar(10) not null, \"actor_id\" varchar(36) null, \"action\" varchar(100) not null, \"subject_type\" varchar(40) not null, \"subject_id\" varchar(100) not null, \"subject_label\" varchar(200) null, \"before\" jsonb null, \"after\" jsonb null, \"correlation_id\" varchar(100) not null, constraint \"audit_entry_pkey\" primary key (\"id\"))");
    this.addSql("alter table \"audit_entry\" add constraint \"audit_entry_event_unique\" unique (\"event_id\")");
    this.addSql("create index \"audit_entry_subject_index\" on \"audit_entry\" (\"subject_type\", \"subject_id\", \"id\")");
    this.addSql("create index \"audit_entry_actor_index\" on \"audit_entry\" (\"actor_id\", \"id\")");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"audit_entry\" cascade");
  }
}
