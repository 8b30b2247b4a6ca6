import { Migration } from '@mikro-orm/migrations';

export class Migration20261203125257_CompanyCountryBaseCurrency extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table \"approvals_settings\" add column \"base_currency\" varchar(3) not null default 'EUR', add column \"exchange_rates\" jsonb null");
    // Settings saved before rates were kept: none.
    this.addSql("update \"approvals_settings\" set \"exchange_rates\" = '{}' where \"exchange_rates\" is null");
    this.addSql("alter table \"crm_company\" add column \"country\" varchar(2) null");
  }

  override async down(): Promise<void> {
    this.addSql("alter table \"approvals_settings\" drop column \"base_currency\", drop column \"exchange_rates\"");
    this.addSql("alter table \"crm_company\" drop column \"country\"");
  }
}
