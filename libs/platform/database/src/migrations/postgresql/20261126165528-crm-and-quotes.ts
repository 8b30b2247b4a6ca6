import { Migration } from '@mikro-orm/migrations';

export class Migration20261126165528_CrmAndQuotes extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"crm_company\" (\"id\" varchar(36) not null, \"name\" varchar(200) not null, \"domain\" varchar(200) null, \"created_at\" timestamptz not null, constraint \"crm_company_pkey\" primary key (\"id\"))");
    this.addSql("create index \"crm_company_name_index\" on \"crm_company\" (\"name\")");
    this.addSql("create table \"crm_contact\" (\"id\" varchar(36) not null, \"name\" varchar(200) not null, \"email\" varchar(320) not null, \"company_id\" varchar(36) null, \"created_at\" timestamptz not null, constraint \"crm_contact_pkey\" primary key (\"id\"))");
    this.addSql("create index \"crm_contact_company_id_index\" on \"crm_contact\" (\"company_id\")");
    this.addSql("create table \"crm_deal\" (\"id\" varchar(36) not null, \"version\" int not null default 1, \"name\" varchar(200) not null, \"amount_minor\" bigint not null, \"currency\" varchar(3) not null, \"owner_id\" varchar(36) not null, \"stage\" varchar(40) not null, \"company_id\" varchar(36) null, \"created_at\" timestamptz not null, constraint \"crm_deal_pkey\" primary key (\"id\"))");
    this.addSql("create index \"crm_deal_owner_id_index\" on \"crm_deal\" (\"owner_id\")");
    this.addSql("create index \"crm_deal_company_id_index\" on \"crm_deal\" (\"company_id\")");
    this.addSql("create table \"quotes_quote\" (\"id\" varchar(36) not null, \"version\" int not null default 1, \"number\" varchar(20) not null, \"owner_id\" varchar(36) not null, \"status\" varchar(24) not null, \"title\" varchar(200) not null, \"deal_id\" varchar(36) null, \"company_id\" varchar(36) null, \"company_name\" varchar(200) null, \"recipient_contact_ids\" jsonb not null, \"currency\" varchar(3) not null, \"expires_on\" varchar(10) not null, \"quote_discount\" jsonb null, \"comments_for_buyer\" text not null, \"purchase_terms\" text not null, \"line_items\" jsonb not null, \"total_minor\" bigint not null, \"share_slug\" varchar(64) null, \"signature\" jsonb null, \"history\" jsonb not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, constraint \"quotes_quote_pkey\" primary key (\"id\"))");
    this.addSql("alter table \"quotes_quote\" add constraint \"quotes_quote_number_unique\" unique (\"number\")");
    this.addSql("create index \"quotes_quote_expires_on_index\" on \"quotes_quote\" (\"expires_on\")");
    this.addSql("alter table \"quotes_quote\" add constraint \"quotes_quote_share_slug_unique\" unique (\"share_slug\")");
    this.addSql("create index \"quotes_quote_updated_index\" on \"quotes_quote\" (\"updated_at\", \"id\")");
    this.addSql("create index \"quotes_quote_status_updated_index\" on \"quotes_quote\" (\"status\", \"updated_at\", \"id\")");
    this.addSql("create index \"quotes_quote_owner_updated_index\" on \"quotes_quote\" (\"owner_id\", \"updated_at\", \"id\")");
    this.addSql("create index \"quotes_quote_owner_status_updated_index\" on \"quotes_quote\" (\"owner_id\", \"status\", \"updated_at\", \"id\")");
    this.addSql("create index \"quotes_quote_deal_index\" on \"quotes_quote\" (\"deal_id\")");
    this.addSql("create table \"quotes_number_counter\" (\"year\" int not null, \"last\" int not null, constraint \"quotes_number_counter_pkey\" primary key (\"year\"))");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"crm_company\" cascade");
    this.addSql("drop table if exists \"crm_contact\" cascade");
    this.addSql("drop table if exists \"crm_deal\" cascade");
    this.addSql("drop table if exists \"quotes_quote\" cascade");
    this.addSql("drop table if exists \"quotes_number_counter\" cascade");
  }
}
