import { Migration } from '@mikro-orm/migrations';
import { writeCurrentPolicyVersion } from '../policy-versions-data';

/** The approval policy's versions (one per save, never changed); the settings as they are now become their current version. */
export class Migration20261203182508_ApprovalsPolicyVersions extends Migration {
  override async up(): Promise<void> {
    await this.execute('create table "approvals_policy_version" ("version" int not null, "snapshot" jsonb not null, "author_id" varchar(36) null, "created_at" timestamptz not null, "note" varchar(500) null, "restored_from" int null, constraint "approvals_policy_version_pkey" primary key ("version"))');
    await writeCurrentPolicyVersion(this, 'postgresql');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "approvals_policy_version" cascade');
  }
}
