import { Migration } from '@mikro-orm/migrations';

export class Migration20261127004024_QuotesSearchIndex extends Migration {
  override async up(): Promise<void> {
    // No trigram index on SQLite (its LIKE scans): an index that holds no rows keeps the mapped name.
    this.addSql("create index `quotes_quote_search_index` on `quotes_quote` (`id`) where 0");
  }

  override async down(): Promise<void> {
    this.addSql('drop index `quotes_quote_search_index`');
  }
}
