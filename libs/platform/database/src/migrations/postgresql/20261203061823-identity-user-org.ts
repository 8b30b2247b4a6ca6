import { Migration } from '@mikro-orm/migrations';

/** Users get a place in the org: a team and the user they report to (both optional). */
export class Migration20261203061823_IdentityUserOrg extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table \"identity_user\" add column \"team\" varchar(60) null, add column \"reports_to\" varchar(36) null");
  }

  override async down(): Promise<void> {
    this.addSql("alter table \"identity_user\" drop column \"team\", drop column \"reports_to\"");
  }
}
