import { Migration } from '@mikro-orm/migrations';

export class Migration20261127012643_WorkflowRunIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql("create index `workflows_run_record_status_index` on `workflows_run` (`record_type`, `record_id`, `status`)");
    this.addSql("create index `workflows_run_status_created_index` on `workflows_run` (`status`, `created_at`)");
  }

  override async down(): Promise<void> {

  }
}
