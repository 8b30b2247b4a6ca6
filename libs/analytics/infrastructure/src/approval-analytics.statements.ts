// The SQL of every chart, built from the filter: the reader runs these statements (through the
// ORM's connection) and the benchmark runs the very same ones with plain pg, as its raw limit.
import { ageBoundaries, type AnalyticsFilter } from '@qa/analytics-domain';

export interface Statement {
  sql: string;
  params: unknown[];
}

/** Decisions in the period, of the team's reps, in groups the rule put on the route. */
function decisionWhere(f: AnalyticsFilter): Statement {
  const parts = ['d.decided_day >= ?', 'd.decided_day <= ?'];
  const params: unknown[] = [f.from, f.to];
  if (f.team) {
    parts.push('d.rep_team = ?');
    params.push(f.team);
  }
  if (f.ruleId) {
    parts.push('exists (select 1 from analytics_route_rule fr where fr.quote_id = d.quote_id and fr.round = d.round and fr.step = d.step and fr.grp = d.grp and fr.rule_id = ?)');
    params.push(f.ruleId);
  }
  return { sql: parts.join(' and '), params };
}

/** Rounds of the team's reps whose route has the rule (the period is the caller's), as " and …" conditions. */
function roundWhere(f: AnalyticsFilter): Statement {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.team) {
    parts.push('q.rep_team = ?');
    params.push(f.team);
  }
  if (f.ruleId) {
    parts.push('exists (select 1 from analytics_route_rule fr where fr.quote_id = q.quote_id and fr.round = q.round and fr.rule_id = ?)');
    params.push(f.ruleId);
  }
  return { sql: parts.map((p) => ` and ${p}`).join(''), params };
}

/**
 * Durations grouped by `key`: on PostgreSQL count, median and p90 (percentile_cont) per group; on
 * SQLite each decision's duration (columns k, l, s), which stats.ts groups and interpolates alike.
 */
function durations(f: AnalyticsFilter, sqlite: boolean, key: string, label: string, join = ''): Statement {
  const where = decisionWhere(f);
  const from = `from analytics_decision d ${join} where ${where.sql}`;
  if (sqlite) return { sql: `select ${key} as k, ${label} as l, d.duration_seconds as s ${from}`, params: where.params };
  return {
    sql: `select ${key} as k, max(${label}) as l, count(*) as n,
                 percentile_cont(0.5) within group (order by d.duration_seconds) as p50,
                 percentile_cont(0.9) within group (order by d.duration_seconds) as p90
            ${from} group by ${key}`,
    params: where.params,
  };
}

/** Approved rounds closed in the period: discount asked (first round) and approved, by `key` and currency, from table alias `x`. */
function leakage(f: AnalyticsFilter, key: string, from: string, x: 'q' | 'l'): Statement {
  const round = roundWhere(f);
  return {
    sql: `select ${key} as k, ${x}.currency as c, count(*) as n, sum(${x}.requested_gross_minor) as rg, sum(${x}.requested_net_minor) as rn, sum(${x}.gross_minor) as g, sum(${x}.net_minor) as nt
            ${from} where q.outcome = 'approved' and q.closed_day >= ? and q.closed_day <= ?${round.sql}
           group by ${key}, ${x}.currency`,
    params: [f.from, f.to, ...round.params],
  };
}

export type ChartStatement = 'byApprover' | 'byStep' | 'byRule' | 'byTeam' | 'overTime' | 'openByAge' | 'rates' | 'leakageByRep' | 'leakageByProduct' | 'escalationsByPeriod' | 'escalationsByRule' | 'options';

/** Every statement the charts need for this filter at `now`. */
export function approvalAnalyticsStatements(f: AnalyticsFilter, now: Date, sqlite: boolean): Record<ChartStatement, Statement> {
  const bucket = f.bucket === 'week' ? 'week' : 'month';
  const ruleJoin = 'join analytics_route_rule r on r.quote_id = d.quote_id and r.round = d.round and r.step = d.step and r.grp = d.grp';
  const round = roundWhere(f);
  const [day1, day3, day7] = ageBoundaries(now).map((d) => d.toISOString());
  const escalationWhere = ['e.escalated_day >= ?', 'e.escalated_day <= ?'];
  const escalationParams: unknown[] = [f.from, f.to];
  if (f.team) {
    escalationWhere.push('e.rep_team = ?');
    escalationParams.push(f.team);
  }
  if (f.ruleId) {
    escalationWhere.push('exists (select 1 from analytics_route_rule fr where fr.quote_id = e.quote_id and fr.round = e.round and fr.step = e.step and fr.rule_id = ?)');
    escalationParams.push(f.ruleId);
  }
  const escalations = `where ${escalationWhere.join(' and ')}`;
  return {
    byApprover: durations(f, sqlite, 'd.approver_id', 'd.approver_id'),
    byStep: durations(f, sqlite, 'd.step', 'd.step'),
    byRule: durations(f, sqlite, 'r.rule_id', 'r.rule_name', ruleJoin),
    byTeam: durations(f, sqlite, "coalesce(d.rep_team, '')", "coalesce(d.rep_team, '')"),
    overTime: durations(f, sqlite, `d.decided_${bucket}`, `d.decided_${bucket}`),
    openByAge: {
      sql: `select sum(case when q.submitted_at > ? then 1 else 0 end) as a, sum(case when q.submitted_at <= ? and q.submitted_at > ? then 1 else 0 end) as b,
                   sum(case when q.submitted_at <= ? and q.submitted_at > ? then 1 else 0 end) as c, sum(case when q.submitted_at <= ? then 1 else 0 end) as d
              from analytics_quote_round q where q.outcome = 'open'${round.sql}`,
      params: [day1, day1, day3, day3, day7, day7, ...round.params],
    },
    rates: {
      sql: `select q.outcome as o, count(*) as n from analytics_quote_round q
             where q.outcome in ('approved', 'changes_requested') and q.closed_day >= ? and q.closed_day <= ?${round.sql} group by q.outcome`,
      params: [f.from, f.to, ...round.params],
    },
    leakageByRep: leakage(f, 'q.rep_id', 'from analytics_quote_round q', 'q'),
    leakageByProduct: leakage(f, 'l.product', 'from analytics_line l join analytics_quote_round q on q.quote_id = l.quote_id and q.round = l.round', 'l'),
    escalationsByPeriod: { sql: `select e.escalated_${bucket} as k, count(*) as n from analytics_escalation e ${escalations} group by e.escalated_${bucket} order by 1`, params: escalationParams },
    escalationsByRule: {
      sql: `select r.rule_id as k, max(r.rule_name) as l, count(distinct e.id) as n
              from analytics_escalation e join analytics_route_rule r on r.quote_id = e.quote_id and r.round = e.round and r.step = e.step
             ${escalations} group by r.rule_id order by 1`,
      params: escalationParams,
    },
    options: { sql: 'select kind, value, label from analytics_filter_option order by kind, label, value', params: [] },
  };
}
