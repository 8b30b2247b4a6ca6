import { Migration } from '@mikro-orm/migrations';
import { writeCurrentPolicyVersion } from '../policy-versions-data';

/** The approval policy's versions (one per save, never changed); the settings as they are now become their current version. */
export class Migration20261203182508_ApprovalsPolicyVersions extends Migration {
  override async up(): Promise<void> {
    await this.execute("create table `approvals_policy_version` (`version` integer not null, `snapshot` json not null, `author_id` text null, `created_at` datetime not null, `note` text null, `restored_from` integer null, primary key (`version`))");
    await writeCurrentPolicyVersion(this, 'sqlite');
  }

  override async down(): Promise<void> {}
}
