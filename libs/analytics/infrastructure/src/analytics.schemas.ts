// The approval analytics' read model (facts projected from approval rounds; see
// libs/analytics/domain/src/approval-facts.ts). Times are ISO texts with day/week/month beside
// them, so filters and groups read the same on SQLite and PostgreSQL.
import { EntitySchema } from '@mikro-orm/core';
import type { DecisionFact, EscalationFact, LineFact, QuoteRoundFact, RouteRuleFact } from '@qa/analytics-domain';

const id = { type: 'string', primary: true, length: 120 } as const;
const quoteId = { type: 'string', length: 36 } as const;
const round = { type: 'integer' } as const;
const moment = { type: 'string', length: 24 } as const;
const day = { type: 'string', length: 10 } as const;
const team = { type: 'string', length: 100, nullable: true } as const;
const money = { type: 'number', columnType: 'bigint' } as const;

export const AnalyticsQuoteRoundSchema = new EntitySchema<QuoteRoundFact>({
  name: 'AnalyticsQuoteRound',
  tableName: 'analytics_quote_round',
  indexes: [
    { name: 'analytics_quote_round_quote_index', properties: ['quoteId', 'round'] },
    { name: 'analytics_quote_round_closed_index', properties: ['outcome', 'closedDay'] },
    { name: 'analytics_quote_round_open_index', properties: ['outcome', 'submittedAt'] },
  ],
  properties: {
    id,
    quoteId,
    round,
    requestId: { type: 'string', length: 36 },
    repId: { type: 'string', length: 36 },
    repTeam: team,
    submittedAt: moment,
    closedAt: { ...moment, nullable: true },
    closedDay: { ...day, nullable: true },
    outcome: { type: 'string', length: 20 },
    currency: { type: 'string', length: 3 },
    grossMinor: money,
    netMinor: money,
    requestedGrossMinor: money,
    requestedNetMinor: money,
  },
});

export const AnalyticsDecisionSchema = new EntitySchema<DecisionFact>({
  name: 'AnalyticsDecision',
  tableName: 'analytics_decision',
  indexes: [
    { name: 'analytics_decision_quote_index', properties: ['quoteId', 'round'] },
    { name: 'analytics_decision_day_index', properties: ['decidedDay'] },
    { name: 'analytics_decision_team_day_index', properties: ['repTeam', 'decidedDay'] },
  ],
  properties: {
    id,
    quoteId,
    round,
    step: { type: 'integer' },
    grp: { type: 'integer' },
    approverId: { type: 'string', length: 36 },
    repTeam: team,
    startedAt: moment,
    decidedAt: moment,
    decidedDay: day,
    decidedWeek: day,
    decidedMonth: { type: 'string', length: 7 },
    outcome: { type: 'string', length: 20 },
    durationSeconds: { type: 'integer' },
  },
});

export const AnalyticsRouteRuleSchema = new EntitySchema<RouteRuleFact>({
  name: 'AnalyticsRouteRule',
  tableName: 'analytics_route_rule',
  indexes: [
    { name: 'analytics_route_rule_place_index', properties: ['quoteId', 'round', 'step', 'grp'] },
    { name: 'analytics_route_rule_rule_index', properties: ['ruleId', 'quoteId', 'round'] },
  ],
  properties: { id, quoteId, round, step: { type: 'integer' }, grp: { type: 'integer' }, ruleId: { type: 'string', length: 100 }, ruleName: { type: 'string', length: 200 } },
});

export const AnalyticsEscalationSchema = new EntitySchema<EscalationFact>({
  name: 'AnalyticsEscalation',
  tableName: 'analytics_escalation',
  indexes: [
    { name: 'analytics_escalation_quote_index', properties: ['quoteId', 'round'] },
    { name: 'analytics_escalation_day_index', properties: ['escalatedDay'] },
  ],
  properties: { id, quoteId, round, step: { type: 'integer' }, repTeam: team, escalatedAt: moment, escalatedDay: day, escalatedWeek: day, escalatedMonth: { type: 'string', length: 7 } },
});

export const AnalyticsLineSchema = new EntitySchema<LineFact>({
  name: 'AnalyticsLine',
  tableName: 'analytics_line',
  indexes: [{ name: 'analytics_line_quote_index', properties: ['quoteId', 'round'] }],
  properties: { id: { ...id, length: 160 }, quoteId, round, product: { type: 'string', length: 200 }, currency: { type: 'string', length: 3 }, grossMinor: money, netMinor: money, requestedGrossMinor: money, requestedNetMinor: money },
});

/** What the filters offer (teams of reps, rules seen on routes), kept small for the page's options. */
export interface FilterOption {
  id: string;
  kind: 'team' | 'rule';
  value: string;
  label: string;
}
export const AnalyticsFilterOptionSchema = new EntitySchema<FilterOption>({
  name: 'AnalyticsFilterOption',
  tableName: 'analytics_filter_option',
  properties: { id: { type: 'string', primary: true, length: 110 }, kind: { type: 'string', length: 8 }, value: { type: 'string', length: 100 }, label: { type: 'string', length: 200 } },
});

export const analyticsEntities = [AnalyticsQuoteRoundSchema, AnalyticsDecisionSchema, AnalyticsRouteRuleSchema, AnalyticsEscalationSchema, AnalyticsLineSchema, AnalyticsFilterOptionSchema];
