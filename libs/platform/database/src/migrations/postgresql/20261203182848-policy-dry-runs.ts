import { Migration } from '@mikro-orm/migrations';

export class Migration20261203182848_PolicyDryRuns extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"approvals_dry_run\" (\"id\" varchar(36) not null, \"requested_by\" varchar(36) not null, \"created_at\" timestamptz not null, \"state\" varchar(10) not null, \"limit_n\" int null, \"policy\" jsonb not null, \"processed\" int not null, \"total\" int not null, \"result\" jsonb null, \"finished_at\" timestamptz null, constraint \"approvals_dry_run_pkey\" primary key (\"id\"))");
    this.addSql("alter table \"quotes_quote\" add column \"submitted_at\" timestamptz null");
    // Quotes submitted before it was kept: their last submission, from their history.
    this.addSql(
      `update "quotes_quote" q set "submitted_at" = s.at from (
         select q2."id", max((h->>'at')::timestamptz) as at from "quotes_quote" q2, jsonb_array_elements(q2."history"::jsonb) h
         where h->>'status' in ('pending_approval', 'approval_not_needed') and h->>'previousStatus' in ('draft', 'changes_requested') group by q2."id"
       ) s where s."id" = q."id"`,
    );
    this.addSql("create index \"quotes_quote_submitted_index\" on \"quotes_quote\" (\"submitted_at\", \"id\")");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"approvals_dry_run\" cascade");
    this.addSql("drop index \"quotes_quote_submitted_index\"");
    this.addSql("alter table \"quotes_quote\" drop column \"submitted_at\"");
  }
}
