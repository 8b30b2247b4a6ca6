// The analytics page's charts as data: for each, its columns and rows (the table view and the CSV
// export show exactly these) and the series the chart draws. Pure: words and number formats come in.
import type { ApprovalAnalytics, DurationStats, LeakageRow } from './analytics-api';

export type Cell = string | number;
export interface ChartSeries {
  /** A column index of `rows` the series draws. */
  column: number;
  label: string;
}
export interface AnalyticsChart {
  id: string;
  title: string;
  kind: 'bar' | 'line';
  columns: string[];
  /** First cell: the row's name (the chart's label); the rest as the columns say. */
  rows: Cell[][];
  series: ChartSeries[];
}

/** What the charts need from the page: the words (by message key) and how to show a few values. */
export interface ChartWords {
  t: (key: string, values?: Record<string, unknown>) => string;
  money: (minor: number, currency: string) => string;
  period: (key: string, bucket: 'week' | 'month') => string;
}

function durationChart(id: string, title: string, name: string, rows: DurationStats[], w: ChartWords, kind: 'bar' | 'line' = 'bar', label = (r: DurationStats) => r.label): AnalyticsChart {
  const t = w.t;
  return {
    id,
    title,
    kind,
    columns: [name, t('analytics.col.decisions'), t('analytics.col.median'), t('analytics.col.p90')],
    rows: rows.map((r) => [label(r), r.count, r.medianHours ?? '', r.p90Hours ?? '']),
    series: [
      { column: 2, label: t('analytics.col.median') },
      { column: 3, label: t('analytics.col.p90') },
    ],
  };
}

function leakageChart(id: string, title: string, name: string, rows: LeakageRow[], w: ChartWords): AnalyticsChart {
  const t = w.t;
  return {
    id,
    title,
    kind: 'bar',
    columns: [name, t('analytics.col.currency'), t('analytics.col.count'), t('analytics.col.requestedPercent'), t('analytics.col.approvedPercent'), t('analytics.col.requestedMoney'), t('analytics.col.approvedMoney')],
    rows: rows.map((r) => [r.label, r.currency, r.count, r.requestedPercent, r.approvedPercent, w.money(r.requestedDiscountMinor, r.currency), w.money(r.approvedDiscountMinor, r.currency)]),
    series: [
      { column: 3, label: t('analytics.col.requestedPercent') },
      { column: 4, label: t('analytics.col.approvedPercent') },
    ],
  };
}

/** Every chart of the page, in order. */
export function analyticsCharts(data: ApprovalAnalytics, w: ChartWords): AnalyticsChart[] {
  const { t } = w;
  const bucket = data.filter.bucket;
  const time = data.timeInApproval;
  return [
    durationChart('time-by-approver', t('analytics.chart.timeByApprover'), t('analytics.col.approver'), time.byApprover, w),
    durationChart('time-by-step', t('analytics.chart.timeByStep'), t('analytics.col.step'), time.byStep, w, 'bar', (r) => t('analytics.stepN', { n: r.key })),
    durationChart('time-by-rule', t('analytics.chart.timeByRule'), t('analytics.col.rule'), time.byRule, w),
    durationChart('time-by-team', t('analytics.chart.timeByTeam'), t('analytics.col.team'), time.byTeam, w, 'bar', (r) => r.key || t('analytics.noTeam')),
    durationChart('time-over-time', t('analytics.chart.timeOverTime'), t(`analytics.col.${bucket}`), time.overTime, w, 'line', (r) => w.period(r.key, bucket)),
    {
      id: 'open-by-age',
      title: t('analytics.chart.openByAge'),
      kind: 'bar',
      columns: [t('analytics.col.age'), t('analytics.col.open')],
      rows: data.openByAge.map((r) => [t(`analytics.age.${r.bucket}`), r.count]),
      series: [{ column: 1, label: t('analytics.col.open') }],
    },
    {
      id: 'rates',
      title: t('analytics.chart.rates'),
      kind: 'bar',
      columns: [t('analytics.col.outcome'), t('analytics.col.rounds'), t('analytics.col.percent')],
      rows: [
        [t('analytics.outcome.approved'), data.rates.approved, data.rates.approvedPercent],
        [t('analytics.outcome.changesRequested'), data.rates.changesRequested, data.rates.changesRequestedPercent],
      ],
      series: [{ column: 2, label: t('analytics.col.percent') }],
    },
    leakageChart('leakage-by-rep', t('analytics.chart.leakageByRep'), t('analytics.col.rep'), data.leakage.byRep, w),
    leakageChart('leakage-by-product', t('analytics.chart.leakageByProduct'), t('analytics.col.product'), data.leakage.byProduct, w),
    durationChart('slowest-approvers', t('analytics.chart.slowestApprovers'), t('analytics.col.approver'), data.slowestApprovers, w),
    {
      id: 'escalations-over-time',
      title: t('analytics.chart.escalationsOverTime', { total: data.escalations.total }),
      kind: 'bar',
      columns: [t(`analytics.col.${bucket}`), t('analytics.col.escalations')],
      rows: data.escalations.byPeriod.map((r) => [w.period(r.key, bucket), r.count]),
      series: [{ column: 1, label: t('analytics.col.escalations') }],
    },
    {
      id: 'escalations-by-rule',
      title: t('analytics.chart.escalationsByRule'),
      kind: 'bar',
      columns: [t('analytics.col.rule'), t('analytics.col.escalations')],
      rows: data.escalations.byRule.map((r) => [r.label, r.count]),
      series: [{ column: 1, label: t('analytics.col.escalations') }],
    },
  ];
}

/** The chart's rows as CSV (RFC 4180: comma separated, quoted where needed, CRLF), numbers unformatted. */
export function chartCsv(chart: AnalyticsChart): string {
  const cell = (value: Cell) => {
    const text = String(value);
    // A leading =, +, - or @ would be a formula in a spreadsheet: prefix it with an apostrophe.
    const safe = typeof value === 'string' && /^[=+\-@]/.test(text) ? `'${text}` : text;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [chart.columns, ...chart.rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** A sentence-free summary for the chart's accessible name: each row's name and values. */
export function chartSummary(chart: AnalyticsChart, empty: string): string {
  if (chart.rows.length === 0) return `${chart.title}: ${empty}`;
  const rows = chart.rows.slice(0, 12).map((row) => `${row[0]}: ${row.slice(1).map((value, i) => `${chart.columns[i + 1]} ${value}`).join(', ')}`);
  return `${chart.title}. ${rows.join('; ')}${chart.rows.length > 12 ? ' …' : ''}`;
}
