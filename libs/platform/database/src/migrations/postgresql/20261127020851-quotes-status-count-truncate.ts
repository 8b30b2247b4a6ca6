import { Migration } from '@mikro-orm/migrations';

/** TRUNCATE fires no row or DELETE triggers: empty the counters with the quotes. (SQLite has no TRUNCATE; its DELETE fires the row triggers.) */
export class Migration20261127020851_QuotesStatusCountTruncate extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function quotes_status_count_truncate() returns trigger language plpgsql as $$
begin
  delete from quotes_status_count;
  return null;
end
$$`);
    this.addSql('create trigger quotes_status_count_truncate after truncate on quotes_quote for each statement execute function quotes_status_count_truncate()');
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger if exists quotes_status_count_truncate on quotes_quote');
    this.addSql('drop function if exists quotes_status_count_truncate()');
  }
}
