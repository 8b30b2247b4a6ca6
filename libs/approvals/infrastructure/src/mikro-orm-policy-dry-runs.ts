import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { ApprovalRoute } from '@qa/approvals-contracts';
import { ApprovalHistoryReader, PolicyDryRunRepository } from '@qa/approvals-application';
import { ApprovalRequest, PolicyDryRun, type DecidedRound, type DryRunResult, type DryRunState } from '@qa/approvals-domain';

@Injectable()
export class MikroOrmPolicyDryRuns extends PolicyDryRunRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async add(run: PolicyDryRun): Promise<void> {
    await this.em.persistAndFlush(run);
  }

  findById(id: string): Promise<PolicyDryRun | null> {
    // As stored now: the worker and a cancel write it with conditional updates beside the identity map.
    return this.em.findOne(PolicyDryRun, { id }, { refresh: true });
  }

  private async move(id: string, from: DryRunState[], change: Partial<PolicyDryRun>): Promise<boolean> {
    return (await this.em.nativeUpdate(PolicyDryRun, { id, state: { $in: from } }, change)) > 0;
  }

  start(id: string) {
    return this.move(id, ['queued'], { state: 'running' });
  }
  progress(id: string, processed: number) {
    return this.move(id, ['running'], { processed });
  }
  finish(id: string, processed: number, result: DryRunResult, at: Date) {
    return this.move(id, ['running'], { state: 'finished', processed, result, finishedAt: at });
  }
  cancel(id: string, at: Date) {
    return this.move(id, ['queued', 'running'], { state: 'cancelled', finishedAt: at });
  }
  fail(id: string, at: Date) {
    return this.move(id, ['queued', 'running'], { state: 'failed', finishedAt: at });
  }
}

/** Rounds read in bulk for a dry run: no entities are kept (nothing here is written). */
@Injectable()
export class MikroOrmApprovalHistory extends ApprovalHistoryReader {
  constructor(private readonly em: EntityManager) {
    super();
  }

  /** One read per page: the rounds of these quotes (approvals_request_quote_round_unique serves it), the latest of each kept. */
  async latestRoutes(quoteIds: string[]): Promise<Map<string, ApprovalRoute>> {
    const latest = new Map<string, { round: number; route: ApprovalRoute }>();
    if (!quoteIds.length) return new Map();
    const rows = await this.em.find(ApprovalRequest, { quoteId: { $in: quoteIds } }, { fields: ['quoteId', 'round', 'route'], disableIdentityMap: true });
    for (const row of rows) if ((latest.get(row.quoteId)?.round ?? 0) < row.round) latest.set(row.quoteId, { round: row.round, route: row.route });
    return new Map([...latest].map(([id, { route }]) => [id, route]));
  }

  /** Rounds with at least one decision: their opening time and decisions only. */
  async decidedRounds(): Promise<DecidedRound[]> {
    const rows: Array<{ opened_at: Date | string; decisions: unknown }> = await this.em
      .getConnection()
      .execute(`select opened_at, decisions from approvals_request where cast(decisions as text) <> '[]'`, [], 'all', this.em.getTransactionContext());
    return rows.map((row) => ({
      openedAt: typeof row.opened_at === 'number' ? new Date(row.opened_at) : row.opened_at,
      decisions: (typeof row.decisions === 'string' ? JSON.parse(row.decisions) : row.decisions) as DecidedRound['decisions'],
    }));
  }
}
