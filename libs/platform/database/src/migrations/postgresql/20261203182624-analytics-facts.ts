import { Migration } from '@mikro-orm/migrations';

export class Migration20261203182624_AnalyticsFacts extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"analytics_decision\" (\"id\" varchar(120) not null, \"quote_id\" varchar(36) not null, \"round\" int not null, \"step\" int not null, \"grp\" int not null, \"approver_id\" varchar(36) not null, \"rep_team\" varchar(100) null, \"started_at\" varchar(24) not null, \"decided_at\" varchar(24) not null, \"decided_day\" varchar(10) not null, \"decided_week\" varchar(10) not null, \"decided_month\" varchar(7) not null, \"outcome\" varchar(20) not null, \"duration_seconds\" int not null, constraint \"analytics_decision_pkey\" primary key (\"id\"))");
    this.addSql("create index \"analytics_decision_quote_index\" on \"analytics_decision\" (\"quote_id\", \"round\")");
    this.addSql("create index \"analytics_decision_day_index\" on \"analytics_decision\" (\"decided_day\")");
    this.addSql("create index \"analytics_decision_team_day_index\" on \"analytics_decision\" (\"rep_team\", \"decided_day\")");
    this.addSql("create table \"analytics_escalation\" (\"id\" varchar(120) not null, \"quote_id\" varchar(36) not null, \"round\" int not null, \"step\" int not null, \"rep_team\" varchar(100) null, \"escalated_at\" varchar(24) not null, \"escalated_day\" varchar(10) not null, \"escalated_week\" varchar(10) not null, \"escalated_month\" varchar(7) not null, constraint \"analytics_escalation_pkey\" primary key (\"id\"))");
    this.addSql("create index \"analytics_escalation_quote_index\" on \"analytics_escalation\" (\"quote_id\", \"round\")");
    this.addSql("create index \"analytics_escalation_day_index\" on \"analytics_escalation\" (\"escalated_day\")");
    this.addSql("create table \"analytics_filter_option\" (\"id\" varchar(110) not null, \"kind\" varchar(8) not null, \"value\" varchar(100) not null, \"label\" varchar(200) not null, constraint \"analytics_filter_option_pkey\" primary key (\"id\"))");
    this.addSql("create table \"analytics_line\" (\"id\" varchar(160) not null, \"quote_id\" varchar(36) not null, \"round\" int not null, \"product\" varchar(200) not null, \"currency\" varchar(3) not null, \"gross_minor\" bigint not null, \"net_minor\" bigint not null, \"requested_gross_minor\" bigint not null, \"requested_net_minor\" bigint not null, constraint \"analytics_line_pkey\" primary key (\"id\"))");
    this.addSql("create index \"analytics_line_quote_index\" on \"analytics_line\" (\"quote_id\", \"round\")");
    this.addSql("create table \"analytics_quote_round\" (\"id\" varchar(120) not null, \"quote_id\" varchar(36) not null, \"round\" int not null, \"request_id\" varchar(36) not null, \"rep_id\" varchar(36) not null, \"rep_team\" varchar(100) null, \"submitted_at\" varchar(24) not null, \"closed_at\" varchar(24) null, \"closed_day\" varchar(10) null, \"outcome\" varchar(20) not null, \"currency\" varchar(3) not null, \"gross_minor\" bigint not null, \"net_minor\" bigint not null, \"requested_gross_minor\" bigint not null, \"requested_net_minor\" bigint not null, constraint \"analytics_quote_round_pkey\" primary key (\"id\"))");
    this.addSql("create index \"analytics_quote_round_quote_index\" on \"analytics_quote_round\" (\"quote_id\", \"round\")");
    this.addSql("create index \"analytics_quote_round_closed_index\" on \"analytics_quote_round\" (\"outcome\", \"closed_day\")");
    this.addSql("create index \"analytics_quote_round_open_index\" on \"analytics_quote_round\" (\"outcome\", \"submitted_at\")");
    this.addSql("create table \"analytics_route_rule\" (\"id\" varchar(120) not null, \"quote_id\" varchar(36) not null, \"round\" int not null, \"step\" int not null, \"grp\" int not null, \"rule_id\" varchar(100) not null, \"rule_name\" varchar(200) not null, constraint \"analytics_route_rule_pkey\" primary key (\"id\"))");
    this.addSql("create index \"analytics_route_rule_place_index\" on \"analytics_route_rule\" (\"quote_id\", \"round\", \"step\", \"grp\")");
    this.addSql("create index \"analytics_route_rule_rule_index\" on \"analytics_route_rule\" (\"rule_id\", \"quote_id\", \"round\")");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"analytics_decision\" cascade");
    this.addSql("drop table if exists \"analytics_escalation\" cascade");
    this.addSql("drop table if exists \"analytics_filter_option\" cascade");
    this.addSql("drop table if exists \"analytics_line\" cascade");
    this.addSql("drop table if exists \"analytics_quote_round\" cascade");
    this.addSql("drop table if exists \"analytics_route_rule\" cascade");
  }
}
