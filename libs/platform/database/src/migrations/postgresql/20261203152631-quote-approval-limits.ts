import { Migration } from '@mikro-orm/migrations';

export class Migration20261203152631_QuoteApprovalLimits extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table \"quotes_quote\" add column \"approval_limits\" jsonb null");
  }

  override async down(): Promise<void> {
    this.addSql("alter table \"quotes_quote\" drop column \"approval_limits\"");
  }
}
