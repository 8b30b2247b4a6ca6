import { Migration } from '@mikro-orm/migrations';

export class Migration20261203182624_AnalyticsFacts extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table `analytics_decision` (`id` text not null, `quote_id` text not null, `round` integer not null, `step` integer not null, `grp` integer not null, `approver_id` text not null, `rep_team` text null, `started_at` text not null, `decided_at` text not null, `decided_day` text not null, `decided_week` text not null, `decided_month` text not null, `outcome` text not null, `duration_seconds` integer not null, primary key (`id`))");
    this.addSql("create index `analytics_decision_quote_index` on `analytics_decision` (`quote_id`, `round`)");
    this.addSql("create index `analytics_decision_day_index` on `analytics_decision` (`decided_day`)");
    this.addSql("create index `analytics_decision_team_day_index` on `analytics_decision` (`rep_team`, `decided_day`)");
    this.addSql("create table `analytics_escalation` (`id` text not null, `quote_id` text not null, `round` integer not null, `step` integer not null, `rep_team` text null, `escalated_at` text not null, `escalated_day` text not null, `escalated_week` text not null, `escalated_month` text not null, primary key (`id`))");
    this.addSql("create index `analytics_escalation_quote_index` on `analytics_escalation` (`quote_id`, `round`)");
    this.addSql("create index `analytics_escalation_day_index` on `analytics_escalation` (`escalated_day`)");
    this.addSql("create table `analytics_filter_option` (`id` text not null, `kind` text not null, `value` text not null, `label` text not null, primary key (`id`))");
    this.addSql("create table `analytics_line` (`id` text not null, `quote_id` text not null, `round` integer not null, `product` text not null, `currency` text not null, `gross_minor` bigint not null, `net_minor` bigint not null, `requested_gross_minor` bigint not null, `requested_net_minor` bigint not null, primary key (`id`))");
    this.addSql("create index `analytics_line_quote_index` on `analytics_line` (`quote_id`, `round`)");
    this.addSql("create table `analytics_quote_round` (`id` text not null, `quote_id` text not null, `round` integer not null, `request_id` text not null, `rep_id` text not null, `rep_team` text null, `submitted_at` text not null, `closed_at` text null, `closed_day` text null, `outcome` text not null, `currency` text not null, `gross_minor` bigint not null, `net_minor` bigint not null, `requested_gross_minor` bigint not null, `requested_net_minor` bigint not null, primary key (`id`))");
    this.addSql("create index `analytics_quote_round_quote_index` on `analytics_quote_round` (`quote_id`, `round`)");
    this.addSql("create index `analytics_quote_round_closed_index` on `analytics_quote_round` (`outcome`, `closed_day`)");
    this.addSql("create index `analytics_quote_round_open_index` on `analytics_quote_round` (`outcome`, `submitted_at`)");
    this.addSql("create table `analytics_route_rule` (`id` text not null, `quote_id` text not null, `round` integer not null, `step` integer not null, `grp` integer not null, `rule_id` text not null, `rule_name` text not null, primary key (`id`))");
    this.addSql("create index `analytics_route_rule_place_index` on `analytics_route_rule` (`quote_id`, `round`, `step`, `grp`)");
    this.addSql("create index `analytics_route_rule_rule_index` on `analytics_route_rule` (`rule_id`, `quote_id`, `round`)");
  }

  override async down(): Promise<void> {

  }
}
