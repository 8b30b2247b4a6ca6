import { Migration } from '@mikro-orm/migrations';

export class Migration20261126171305_Workflows extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"workflows_record_property\" (\"record_type\" varchar(40) not null, \"record_id\" varchar(100) not null, \"name\" varchar(60) not null, \"value\" jsonb null, \"updated_at\" timestamptz not null, \"updated_by\" varchar(100) null, constraint \"workflows_record_property_pkey\" primary key (\"record_type\", \"record_id\", \"name\"))");
    this.addSql("create table \"workflows_record_property_change\" (\"id\" varchar(36) not null, \"record_type\" varchar(40) not null, \"record_id\" varchar(100) not null, \"name\" varchar(60) not null, \"value\" jsonb null, \"previous_value\" jsonb null, \"changed_at\" timestamptz not null, \"changed_by\" varchar(100) null, constraint \"workflows_record_property_change_pkey\" primary key (\"id\"))");
    this.addSql("create index \"workflows_property_change_record_index\" on \"workflows_record_property_change\" (\"record_type\", \"record_id\", \"changed_at\")");
    this.addSql("create table \"workflows_record_snapshot\" (\"record_type\" varchar(40) not null, \"record_id\" varchar(100) not null, \"fields\" jsonb not null, \"updated_at\" timestamptz not null, constraint \"workflows_record_snapshot_pkey\" primary key (\"record_type\", \"record_id\"))");
    this.addSql("create table \"workflows_workflow\" (\"id\" varchar(36) not null, \"version\" int not null default 1, \"name\" varchar(200) not null, \"enabled\" boolean not null, \"object_type\" varchar(40) not null, \"trigger\" jsonb not null, \"conditions\" jsonb not null, \"reenrollment\" varchar(10) not null, \"actions\" jsonb not null, \"set_key\" varchar(100) null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, constraint \"workflows_workflow_pkey\" primary key (\"id\"))");
    this.addSql("create index \"workflows_workflow_object_type_index\" on \"workflows_workflow\" (\"object_type\")");
    this.addSql("create index \"workflows_workflow_set_key_index\" on \"workflows_workflow\" (\"set_key\")");
    this.addSql("create table \"workflows_run\" (\"id\" varchar(36) not null, \"workflow_id\" varchar(36) not null, \"workflow_name\" varchar(200) not null, \"record_type\" varchar(40) not null, \"record_id\" varchar(100) not null, \"trigger_event_id\" varchar(36) not null, \"context\" jsonb not null, \"status\" varchar(12) not null, \"created_at\" timestamptz not null, \"finished_at\" timestamptz null, constraint \"workflows_run_pkey\" primary key (\"id\"))");
    this.addSql("create index \"workflows_run_workflow_index\" on \"workflows_run\" (\"workflow_id\", \"created_at\")");
    this.addSql("create index \"workflows_run_record_index\" on \"workflows_run\" (\"workflow_id\", \"record_type\", \"record_id\")");
    this.addSql("alter table \"workflows_run\" add constraint \"workflows_run_workflow_event_unique\" unique (\"workflow_id\", \"trigger_event_id\")");
    this.addSql("create table \"workflows_run_step\" (\"id\" varchar(36) not null, \"run_id\" varchar(36) not null, \"index\" int not null, \"action_key\" varchar(60) not null, \"params\" jsonb not null, \"status\" varchar(12) not null, \"attempts\" int not null, \"started_at\" timestamptz null, \"finished_at\" timestamptz null, \"resume_at\" timestamptz null, \"error\" text null, \"output\" jsonb null, constraint \"workflows_run_step_pkey\" primary key (\"id\"))");
    this.addSql("alter table \"workflows_run_step\" add constraint \"workflows_run_step_run_index_unique\" unique (\"run_id\", \"index\")");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"workflows_record_property\" cascade");
    this.addSql("drop table if exists \"workflows_record_property_change\" cascade");
    this.addSql("drop table if exists \"workflows_record_snapshot\" cascade");
    this.addSql("drop table if exists \"workflows_workflow\" cascade");
    this.addSql("drop table if exists \"workflows_run\" cascade");
    this.addSql("drop table if exists \"workflows_run_step\" cascade");
  }
}
