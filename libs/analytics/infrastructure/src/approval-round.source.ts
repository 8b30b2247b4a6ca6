import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ApprovalRoundSource } from '@qa/analytics-application';
import type { SourceRound } from '@qa/analytics-domain';

type Row = Record<string, unknown>;
const json = <T>(value: unknown, fallback: T): T => (value === null || value === undefined ? fallback : typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));
const date = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string | number | Date)));

/**
 * Reads the approvals context's rounds (`approvals_request`) as stored: the analytics read model
 * is a projection of them, the same for the backfill and for each event (the events alone do not
 * carry the route's rules or the quote's lines).
 */
@Injectable()
export class SqlApprovalRoundSource extends ApprovalRoundSource {
  constructor(private readonly em: EntityManager) {
    super();
  }

  private execute(sql: string, params: unknown[]): Promise<Row[]> {
    return this.em.getConnection().execute(sql, params, 'all', this.em.getTransactionContext());
  }

  async roundsOf(quoteIds: readonly string[]): Promise<SourceRound[]> {
    if (quoteIds.length === 0) return [];
    const rows = await this.execute(
      `select id, quote_id, round, owner_id, status, route, decisions, activity, snapshot, opened_at, decided_at
         from approvals_request where quote_id in (${quoteIds.map(() => '?').join(', ')})`,
      [...quoteIds],
    );
    return rows.map((row) => ({
      requestId: String(row.id),
      quoteId: String(row.quote_id),
      round: Number(row.round),
      ownerId: String(row.owner_id),
      status: row.status as SourceRound['status'],
      route: json(row.route, { steps: [], rules: [] }),
      decisions: json(row.decisions, []),
      activity: json(row.activity, []),
      snapshot: json(row.snapshot, { currency: 'EUR', total: '0', lines: [] }),
      openedAt: date(row.opened_at)!,
      decidedAt: date(row.decided_at),
    }));
  }

  async quoteIdsAfter(after: string | null, limit: number): Promise<string[]> {
    const rows = await this.execute(
      `select distinct quote_id from approvals_request ${after === null ? '' : 'where quote_id > ?'} order by quote_id limit ?`,
      after === null ? [limit] : [after, limit],
    );
    return rows.map((row) => String(row.quote_id));
  }
}
