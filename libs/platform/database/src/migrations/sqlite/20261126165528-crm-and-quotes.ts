import { Migration } from '@mikro-orm/migrations';

export class Migration20261126165528_CrmAndQuotes extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `crm_company` (`id` text not null, `name` text not null, `domain` text null, `created_at` datetime not null, primary key (`id`))");
    this.addSql("create index `crm_company_name_index` on `crm_company` (`name`)");
    this.addSql("create table `crm_contact` (`id` text not null, `name` text not null, `email` text not null, `company_id` text null, `created_at` datetime not null, primary key (`id`))");
    this.addSql("create index `crm_contact_company_id_index` on `crm_contact` (`company_id`)");
    this.addSql("create table `crm_deal` (`id` text not null, `version` integer not null default 1, `name` text not null, `amount_minor` bigint not null, `currency` text not null, `owner_id` text not null, `stage` text not null, `company_id` text null, `created_at` datetime not null, primary key (`id`))");
    this.addSql("create index `crm_deal_owner_id_index` on `crm_deal` (`owner_id`)");
    this.addSql("create index `crm_deal_company_id_index` on `crm_deal` (`company_id`)");
    this.addSql("create table `quotes_quote` (`id` text not null, `version` integer not null default 1, `number` text not null, `owner_id` text not null, `status` text not null, `title` text not null, `deal_id` text null, `company_id` text null, `company_name` text null, `recipient_contact_ids` json not null, `currency` text not null, `expires_on` text not null, `quote_discount` json null, `comments_for_buyer` text not null, `purchase_terms` text not null, `line_items` json not null, `total_minor` bigint not null, `share_slug` text null, `signature` json null, `history` json not null, `created_at` datetime not null, `updated_at` datetime not null, primary key (`id`))");
    this.addSql("create unique index `quotes_quote_number_unique` on `quotes_quote` (`number`)");
    this.addSql("create index `quotes_quote_expires_on_index` on `quotes_quote` (`expires_on`)");
    this.addSql("create unique index `quotes_quote_share_slug_unique` on `quotes_quote` (`share_slug`)");
    this.addSql("create index `quotes_quote_updated_index` on `quotes_quote` (`updated_at`, `id`)");
    this.addSql("create index `quotes_quote_status_updated_index` on `quotes_quote` (`status`, `updated_at`, `id`)");
    this.addSql("create index `quotes_quote_owner_updated_index` on `quotes_quote` (`owner_id`, `updated_at`, `id`)");
    this.addSql("create index `quotes_quote_owner_status_updated_index` on `quotes_quote` (`owner_id`, `status`, `updated_at`, `id`)");
    this.addSql("create index `quotes_quote_deal_index` on `quotes_quote` (`deal_id`)");
    this.addSql("create table `quotes_number_counter` (`year` integer not null, `last` integer not null, primary key (`year`))");
  }

  override async down(): Promise<void> {

  }
}
