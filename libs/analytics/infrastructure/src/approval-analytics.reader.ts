import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ApprovalAnalyticsReader } from '@qa/analytics-application';
import type { ApprovalAnalytics, DurationStats, LeakageRow } from '@qa/analytics-contracts';
import { AGE_BUCKETS, hoursOf, percentileCont, percentOfTotal, type AnalyticsFilter } from '@qa/analytics-domain';
import { approvalAnalyticsStatements, type ChartStatement, type Statement } from './approval-analytics.statements';

type Row = Record<string, unknown>;
const num = (value: unknown) => Number(value ?? 0);
const byKey = <T extends { key: string }>(rows: T[]) => rows.sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }));

/**
 * Every chart from the facts with GROUP BYs (approval-analytics.statements.ts). Percentiles:
 * PostgreSQL's percentile_cont; on SQLite the grouped durations come back and stats.ts
 * interpolates the same way, so both answer alike.
 */
@Injectable()
export class SqlApprovalAnalyticsReader extends ApprovalAnalyticsReader {
  constructor(private readonly em: EntityManager) {
    super();
  }

  private get sqlite(): boolean {
    return this.em.getPlatform().constructor.name.toLowerCase().includes('sqlite');
  }

  private execute({ sql, params }: Statement): Promise<Row[]> {
    return this.em.getConnection().execute(sql, params, 'all', this.em.getTransactionContext());
  }

  private durations(rows: Row[]): DurationStats[] {
    if (!this.sqlite) return byKey(rows.map((row) => ({ key: String(row.k), label: String(row.l), count: num(row.n), medianHours: hoursOf(num(row.p50)), p90Hours: hoursOf(num(row.p90)) })));
    const groups = new Map<string, { label: string; seconds: number[] }>();
    for (const row of rows) {
      const group = groups.get(String(row.k)) ?? { label: String(row.l), seconds: [] };
      group.seconds.push(num(row.s));
      groups.set(String(row.k), group);
    }
    return byKey([...groups].map(([key, g]) => ({ key, label: g.label, count: g.seconds.length, medianHours: hoursOf(percentileCont(g.seconds, 0.5)), p90Hours: hoursOf(percentileCont(g.seconds, 0.9)) })));
  }

  private leakage(rows: Row[]): LeakageRow[] {
    return rows
      .map((row) => {
        const [rg, rn, g, n] = [num(row.rg), num(row.rn), num(row.g), num(row.nt)];
        return { key: String(row.k), label: String(row.k), currency: String(row.c), count: num(row.n), requestedPercent: percentOfTotal(rg - rn, rg), approvedPercent: percentOfTotal(g - n, g), requestedDiscountMinor: rg - rn, approvedDiscountMinor: g - n };
      })
      .sort((a, b) => a.key.localeCompare(b.key) || a.currency.localeCompare(b.currency));
  }

  async read(f: AnalyticsFilter, now: Date): Promise<ApprovalAnalytics> {
    const statements = approvalAnalyticsStatements(f, now, this.sqlite);
    const rows = {} as Record<ChartStatement, Row[]>;
    // One after the other: the request's connection (and transaction, if any) is one.
    for (const [name, statement] of Object.entries(statements) as Array<[ChartStatement, Statement]>) rows[name] = await this.execute(statement);
    const [open] = rows.openByAge;
    const counts = [open?.a, open?.b, open?.c, open?.d].map(num);
    const approved = num(rows.rates.find((r) => r.o === 'approved')?.n);
    const changesRequested = num(rows.rates.find((r) => r.o === 'changes_requested')?.n);
    const byApprover = this.durations(rows.byApprover);
    return {
      filter: { from: f.from, to: f.to, team: f.team, rule: f.ruleId, bucket: f.bucket },
      options: {
        teams: rows.options.filter((o) => o.kind === 'team').map((o) => String(o.value)),
        rules: rows.options.filter((o) => o.kind === 'rule').map((o) => ({ id: String(o.value), name: String(o.label) })),
      },
      timeInApproval: { byApprover, byStep: this.durations(rows.byStep), byRule: this.durations(rows.byRule), byTeam: this.durations(rows.byTeam), overTime: this.durations(rows.overTime) },
      openByAge: AGE_BUCKETS.map((bucket, i) => ({ bucket, count: counts[i] })),
      rates: { decided: approved + changesRequested, approved, changesRequested, approvedPercent: percentOfTotal(approved, approved + changesRequested), changesRequestedPercent: percentOfTotal(changesRequested, approved + changesRequested) },
      leakage: { byRep: this.leakage(rows.leakageByRep), byProduct: this.leakage(rows.leakageByProduct) },
      slowestApprovers: [...byApprover].sort((a, b) => (b.medianHours ?? 0) - (a.medianHours ?? 0) || a.key.localeCompare(b.key)).slice(0, 10).map((row) => ({ ...row })),
      escalations: {
        total: rows.escalationsByPeriod.reduce((sum, row) => sum + num(row.n), 0),
        byPeriod: rows.escalationsByPeriod.map((row) => ({ key: String(row.k), count: num(row.n) })),
        byRule: rows.escalationsByRule.map((row) => ({ key: String(row.k), label: String(row.l), count: num(row.n) })),
      },
    };
  }
}
