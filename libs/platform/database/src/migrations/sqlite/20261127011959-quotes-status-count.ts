import { Migration } from '@mikro-orm/migrations';

/** Quotes per owner and status, kept by row triggers on quotes_quote (see the PostgreSQL migration). */
export class Migration20261127011959_QuotesStatusCount extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `quotes_status_count` (`owner_id` text not null, `status` text not null, `count` integer not null, primary key (`owner_id`, `status`))");
    this.addSql(`create trigger quotes_status_count_insert after insert on quotes_quote begin
  insert into quotes_status_count (owner_id, status, count) values (new.owner_id, new.status, 1)
    on conflict (owner_id, status) do update set count = count + 1;
end`);
    this.addSql(`create trigger quotes_status_count_update after update of owner_id, status on quotes_quote
  when old.owner_id is not new.owner_id or old.status is not new.status begin
  update quotes_status_count set count = count - 1 where owner_id = old.owner_id and status = old.status;
  insert into quotes_status_count (owner_id, status, count) values (new.owner_id, new.status, 1)
    on conflict (owner_id, status) do update set count = count + 1;
end`);
    this.addSql(`create trigger quotes_status_count_delete after delete on quotes_quote begin
  update quotes_status_count set count = count - 1 where owner_id = old.owner_id and status = old.status;
end`);
    this.addSql('insert into quotes_status_count (owner_id, status, count) select owner_id, status, count(*) from quotes_quote where true group by owner_id, status');
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger if exists quotes_status_count_insert');
    this.addSql('drop trigger if exists quotes_status_count_update');
    this.addSql('drop trigger if exists quotes_status_count_delete');
    this.addSql('drop table if exists `quotes_status_count`');
  }
}
