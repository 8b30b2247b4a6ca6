import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApprovalFactsStore, projectQuoteFacts, type QuoteFacts } from '@qa/analytics-domain';
import { FindUsersQuery } from '@qa/identity-contracts';
import { ApprovalRoundSource } from '../ports/approval-analytics.ports';

/** Projects quotes' approval rounds into the analytics facts, replacing what was there: the reaction and the rebuild share it. */
@Injectable()
export class ApprovalFactsProjector {
  constructor(
    private readonly source: ApprovalRoundSource,
    private readonly store: ApprovalFactsStore,
    private readonly queries: QueryBus,
  ) {}

  /** Answers how many rounds were projected. */
  async project(quoteIds: readonly string[]): Promise<number> {
    if (quoteIds.length === 0) return 0;
    const rounds = await this.source.roundsOf(quoteIds);
    const owners = [...new Set(rounds.map((r) => r.ownerId))];
    const users = owners.length ? await this.queries.execute(new FindUsersQuery(owners)) : [];
    const teams = new Map(users.map((u) => [u.id, u.team]));
    const facts: QuoteFacts = { rounds: [], decisions: [], rules: [], escalations: [], lines: [] };
    const byQuote = new Map<string, typeof rounds>();
    for (const round of rounds) byQuote.set(round.quoteId, [...(byQuote.get(round.quoteId) ?? []), round]);
    for (const quoteRounds of byQuote.values()) {
      const one = projectQuoteFacts(quoteRounds, teams);
      for (const key of Object.keys(facts) as Array<keyof QuoteFacts>) (facts[key] as unknown[]).push(...one[key]);
    }
    await this.store.replace(quoteIds, facts);
    return facts.rounds.length;
  }
}
