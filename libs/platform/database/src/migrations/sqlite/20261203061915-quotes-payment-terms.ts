import { Migration } from '@mikro-orm/migrations';

export class Migration20261203061915_QuotesPaymentTerms extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table `quotes_quote` add column `payment_terms_days` integer not null default 30");
  }

  override async down(): Promise<void> {

  }
}
