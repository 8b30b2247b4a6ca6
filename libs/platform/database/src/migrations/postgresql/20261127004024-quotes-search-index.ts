import { Migration } from '@mikro-orm/migrations';

export class Migration20261127004024_QuotesSearchIndex extends Migration {
  override async up(): Promise<void> {
    // pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the database owner may create it.
    this.addSql('create extension if not exists pg_trgm');
    this.addSql("create index \"quotes_quote_search_index\" on \"quotes_quote\" using gin ((title || ' ' || number || ' ' || coalesce(company_name, '')) gin_trgm_ops)");
  }

  override async down(): Promise<void> {
    this.addSql("drop index \"quotes_quote_search_index\"");
  }
}
