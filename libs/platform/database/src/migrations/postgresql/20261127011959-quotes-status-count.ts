import { Migration } from '@mikro-orm/migrations';

/**
 * Quotes per owner and status, kept by statement-level triggers on quotes_quote: one upsert per
 * statement from its transition tables (a bulk insert of a million rows costs one grouped upsert,
 * not a million), in (owner, status) order so concurrent writers lock counter rows in one order.
 * A statement whose rows keep their owner and status changes no counter (and locks none).
 */
export class Migration20261127011959_QuotesStatusCount extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"quotes_status_count\" (\"owner_id\" varchar(36) not null, \"status\" varchar(24) not null, \"count\" int not null, constraint \"quotes_status_count_pkey\" primary key (\"owner_id\", \"status\"))");
    this.addSql(`create function quotes_status_count_apply() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into quotes_status_count (owner_id, status, count)
      select owner_id, status, count(*) from new_rows group by owner_id, status order by owner_id, status
      on conflict (owner_id, status) do update set count = quotes_status_count.count + excluded.count;
  elsif tg_op = 'DELETE' then
    insert into quotes_status_count (owner_id, status, count)
      select owner_id, status, -count(*) from old_rows group by owner_id, status order by owner_id, status
      on conflict (owner_id, status) do update set count = quotes_status_count.count + excluded.count;
  else
    insert into quotes_status_count (owner_id, status, count)
      select owner_id, status, sum(delta) from (
        select owner_id, status, 1 as delta from new_rows
        union all
        select owner_id, status, -1 as delta from old_rows
      ) changes group by owner_id, status having sum(delta) <> 0 order by owner_id, status
      on conflict (owner_id, status) do update set count = quotes_status_count.count + excluded.count;
  end if;
  return null;
end
$$`);
    this.addSql('create trigger quotes_status_count_insert after insert on quotes_quote referencing new table as new_rows for each statement execute function quotes_status_count_apply()');
    this.addSql('create trigger quotes_status_count_update after update on quotes_quote referencing old table as old_rows new table as new_rows for each statement execute function quotes_status_count_apply()');
    this.addSql('create trigger quotes_status_count_delete after delete on quotes_quote referencing old table as old_rows for each statement execute function quotes_status_count_apply()');
    this.addSql('insert into quotes_status_count (owner_id, status, count) select owner_id, status, count(*) from quotes_quote group by owner_id, status');
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger if exists quotes_status_count_insert on quotes_quote');
    this.addSql('drop trigger if exists quotes_status_count_update on quotes_quote');
    this.addSql('drop trigger if exists quotes_status_count_delete on quotes_quote');
    this.addSql('drop function if exists quotes_status_count_apply()');
    this.addSql("drop table if exists \"quotes_status_count\" cascade");
  }
}
