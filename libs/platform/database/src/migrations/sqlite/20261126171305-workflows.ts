import { Migration } from '@mikro-orm/migrations';

export class Migration20261126171305_Workflows extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `workflows_record_property` (`record_type` text not null, `record_id` text not null, `name` text not null, `value` json null, `updated_at` datetime not null, `updated_by` text null, primary key (`record_type`, `record_id`, `name`))");
    this.addSql("create table `workflows_record_property_change` (`id` text not null, `record_type` text not null, `record_id` text not null, `name` text not null, `value` json null, `previous_value` json null, `changed_at` datetime not null, `changed_by` text null, primary key (`id`))");
    this.addSql("create index `workflows_property_change_record_index` on `workflows_record_property_change` (`record_type`, `record_id`, `changed_at`)");
    this.addSql("create table `workflows_record_snapshot` (`record_type` text not null, `record_id` text not null, `fields` json not null, `updated_at` datetime not null, primary key (`record_type`, `record_id`))");
    this.addSql("create table `workflows_workflow` (`id` text not null, `version` integer not null default 1, `name` text not null, `enabled` integer not null, `object_type` text not null, `trigger` json not null, `conditions` json not null, `reenrollment` text not null, `actions` json not null, `set_key` text null, `created_at` datetime not null, `updated_at` datetime not null, primary key (`id`))");
    this.addSql("create index `workflows_workflow_object_type_index` on `workflows_workflow` (`object_type`)");
    this.addSql("create index `workflows_workflow_set_key_index` on `workflows_workflow` (`set_key`)");
    this.addSql("create table `workflows_run` (`id` text not null, `workflow_id` text not null, `workflow_name` text not null, `record_type` text not null, `record_id` text not null, `trigger_event_id` text not null, `context` json not null, `status` text not null, `created_at` datetime not null, `finished_at` datetime null, primary key (`id`))");
    this.addSql("create index `workflows_run_workflow_index` on `workflows_run` (`workflow_id`, `created_at`)");
    this.addSql("create index `workflows_run_record_index` on `workflows_run` (`workflow_id`, `record_type`, `record_id`)");
    this.addSql("create unique index `workflows_run_workflow_event_unique` on `workflows_run` (`workflow_id`, `trigger_event_id`)");
    this.addSql("create table `workflows_run_step` (`id` text not null, `run_id` text not null, `index` integer not null, `action_key` text not null, `params` json not null, `status` text not null, `attempts` integer not null, `started_at` datetime null, `finished_at` datetime null, `resume_at` datetime null, `error` text null, `output` json null, primary key (`id`))");
    this.addSql("create unique index `workflows_run_step_run_index_unique` on `workflows_run_step` (`run_id`, `index`)");
  }

  override async down(): Promise<void> {

  }
}
