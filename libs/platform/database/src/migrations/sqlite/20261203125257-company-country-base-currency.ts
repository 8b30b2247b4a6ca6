import { Migration } from '@mikro-orm/migrations';

export class Migration20261203125257_CompanyCountryBaseCurrency extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table `approvals_settings` add column `base_currency` text not null default 'EUR'");
    this.addSql("alter table `approvals_settings` add column `exchange_rates` json null");
    // Settings saved before rates were kept: none.
    this.addSql("update `approvals_settings` set `exchange_rates` = '{}' where `exchange_rates` is null");
    this.addSql("alter table `crm_company` add column `country` text null");
  }

  override async down(): Promise<void> {

  }
}
