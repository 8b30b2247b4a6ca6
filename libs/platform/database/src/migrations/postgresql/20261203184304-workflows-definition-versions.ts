import { Migration } from '@mikro-orm/migrations';
import { writeCurrentWorkflowVersions } from '../workflow-versions-data';

/** Workflows' versions (one per save, never changed); every workflow's definition as it is now becomes its current version. */
export class Migration20261203184304_WorkflowsDefinitionVersions extends Migration {
  override async up(): Promise<void> {
    await this.execute('create table "workflows_definition_version" ("workflow_id" varchar(36) not null, "version" int not null, "snapshot" jsonb not null, "author_id" varchar(36) null, "created_at" timestamptz not null, "note" varchar(500) null, "restored_from" int null, constraint "workflows_definition_version_pkey" primary key ("workflow_id", "version"))');
    await writeCurrentWorkflowVersions(this, 'postgresql');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "workflows_definition_version" cascade');
  }
}
