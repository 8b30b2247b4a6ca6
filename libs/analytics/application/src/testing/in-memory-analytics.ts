// In-memory ports of the analytics context, for the application specs.
import type { QueryBus } from '@nestjs/cqrs';
import type { ApprovalAnalytics } from '@qa/analytics-contracts';
import { ApprovalFactsStore, type AnalyticsFilter, type QuoteFacts, type SourceRound } from '@qa/analytics-domain';
import { FindUsersQuery, type UserSummary } from '@qa/identity-contracts';
import { ApprovalAnalyticsReader, ApprovalRoundSource } from '../ports/approval-analytics.ports';

export class InMemoryRoundSource extends ApprovalRoundSource {
  constructor(readonly rounds: SourceRound[] = []) {
    super();
  }
  async roundsOf(quoteIds: readonly string[]) {
    return this.rounds.filter((r) => quoteIds.includes(r.quoteId));
  }
  async quoteIdsAfter(after: string | null, limit: number) {
    return [...new Set(this.rounds.map((r) => r.quoteId))].sort().filter((id) => after === null || id > after).slice(0, limit);
  }
}

/** Keeps each quote's facts; `replaced` records every call. */
export class InMemoryFactsStore extends ApprovalFactsStore {
  readonly facts = new Map<string, QuoteFacts>();
  readonly replaced: string[][] = [];
  async replace(quoteIds: readonly string[], facts: QuoteFacts) {
    this.replaced.push([...quoteIds]);
    for (const id of quoteIds) {
      const of = <K extends keyof QuoteFacts>(key: K) => (facts[key] as Array<{ quoteId: string }>).filter((row) => row.quoteId === id) as QuoteFacts[K];
      this.facts.set(id, { rounds: of('rounds'), decisions: of('decisions'), rules: of('rules'), escalations: of('escalations'), lines: of('lines') });
    }
  }
}

export class FixedReader extends ApprovalAnalyticsReader {
  readonly asked: Array<{ filter: AnalyticsFilter; now: Date }> = [];
  constructor(private readonly answer: ApprovalAnalytics) {
    super();
  }
  async read(filter: AnalyticsFilter, now: Date) {
    this.asked.push({ filter, now });
    return structuredClone(this.answer);
  }
}

/** A QueryBus answering FindUsersQuery from these users. */
export function usersBus(users: Array<Pick<UserSummary, 'id' | 'name' | 'team'>>): QueryBus {
  return {
    execute: async (query: unknown) => {
      if (!(query instanceof FindUsersQuery)) throw new Error(`No answer for ${String(query)}`);
      return users.filter((u) => query.ids.includes(u.id)).map((u) => ({ email: `${u.id}@example.com`, role: 'rep', active: true, reportsTo: null, ...u }));
    },
  } as unknown as QueryBus;
}
