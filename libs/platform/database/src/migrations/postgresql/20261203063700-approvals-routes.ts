import { Migration } from '@mikro-orm/migrations';
import { upgradeApprovalRoutes } from '../approval-routes-data';

/** Approval rounds keep their route (steps of approver groups) and the step deciding now; old rows rewritten in that form. */
export class Migration20261203063700_ApprovalsRoutes extends Migration {
  override async up(): Promise<void> {
    await this.execute('alter table "approvals_request" add column "current_step" int not null default 0');
    await this.execute('alter table "approvals_request" rename column "reasons" to "route"');
    await upgradeApprovalRoutes(this, 'postgresql');
    await this.execute('alter table "approvals_request" drop column "mode"');
  }

  override async down(): Promise<void> {
    this.addSql('alter table "approvals_request" drop column "current_step"');
    this.addSql("alter table \"approvals_request\" add column \"mode\" varchar(4) not null default 'any'");
    this.addSql('alter table "approvals_request" rename column "route" to "reasons"');
  }
}
