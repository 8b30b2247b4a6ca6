import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ApprovalFactsStore, type QuoteFacts } from '@qa/analytics-domain';
import type { FilterOption } from './analytics.schemas';

const TABLES: Array<[keyof QuoteFacts, string]> = [
  ['rounds', 'AnalyticsQuoteRound'],
  ['decisions', 'AnalyticsDecision'],
  ['rules', 'AnalyticsRouteRule'],
  ['escalations', 'AnalyticsEscalation'],
  ['lines', 'AnalyticsLine'],
];
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Replaces quotes' facts in the caller's transaction (the delivery's, or the rebuild's). */
@Injectable()
export class MikroOrmApprovalFactsStore extends ApprovalFactsStore {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async replace(quoteIds: readonly string[], facts: QuoteFacts): Promise<void> {
    for (const ids of chunks(quoteIds)) {
      for (const [, entity] of TABLES) await this.em.nativeDelete(entity, { quoteId: { $in: ids } });
    }
    for (const [key, entity] of TABLES) {
      for (const rows of chunks(facts[key] as object[])) await this.em.insertMany(entity, rows);
    }
    const options = new Map<string, FilterOption>();
    for (const r of facts.rounds) if (r.repTeam) options.set(`team:${r.repTeam}`, { id: `team:${r.repTeam}`, kind: 'team', value: r.repTeam, label: r.repTeam });
    for (const r of facts.rules) options.set(`rule:${r.ruleId}`, { id: `rule:${r.ruleId}`, kind: 'rule', value: r.ruleId, label: r.ruleName });
    for (const rows of chunks([...options.values()])) await this.em.upsertMany('AnalyticsFilterOption', rows);
  }
}
