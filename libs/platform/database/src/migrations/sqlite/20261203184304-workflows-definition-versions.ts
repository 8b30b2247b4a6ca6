import { Migration } from '@mikro-orm/migrations';
import { writeCurrentWorkflowVersions } from '../workflow-versions-data';

/** Workflows' versions (one per save, never changed); every workflow's definition as it is now becomes its current version. */
export class Migration20261203184304_WorkflowsDefinitionVersions extends Migration {
  override async up(): Promise<void> {
    await this.execute("create table `workflows_definition_version` (`workflow_id` text not null, `version` integer not null, `snapshot` json not null, `author_id` text null, `created_at` datetime not null, `note` text null, `restored_from` integer null, primary key (`workflow_id`, `version`))");
    await writeCurrentWorkflowVersions(this, 'sqlite');
  }

  override async down(): Promise<void> {}
}
