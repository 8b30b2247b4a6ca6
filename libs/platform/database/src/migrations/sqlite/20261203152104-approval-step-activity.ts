import { Migration } from '@mikro-orm/migrations';

export class Migration20261203152104_ApprovalStepActivity extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table `approvals_request` add column `activity` json null");
  }

  override async down(): Promise<void> {

  }
}
