import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import type { ApiSchemas } from '@qa/shared-api-client';
import App from '../../App.vue';
import { apiError, type FakeRoute } from '../../testing/fake-api';
import { mountPage } from '../../testing/mount-page';
import { max, rita } from '../../testing/work-fixtures';
import { analyticsCharts, chartCsv, chartSummary } from './analytics-charts';

type Analytics = ApiSchemas['ApprovalAnalyticsResponse'];
const stats = (key: string, label: string, count: number, medianHours: number, p90Hours: number) => ({ key, label, count, medianHours, p90Hours });
const analytics: Analytics = {
  filter: { from: '2026-11-01', to: '2026-11-30', team: null, rule: null, bucket: 'week' },
  options: { teams: ['Enterprise', 'Sales'], rules: [{ id: 'r-1', name: 'Manager above 5 %' }] },
  timeInApproval: {
    byApprover: [stats('u-max', 'Max Manager', 4, 5, 8.8)],
    byStep: [stats('1', '1', 4, 5, 8.8)],
    byRule: [stats('r-1', 'Manager above 5 %', 4, 5, 8.8)],
    byTeam: [stats('Enterprise', 'Enterprise', 1, 10, 10), stats('', '', 3, 4, 5.6)],
    overTime: [stats('2026-11-02', '2026-11-02', 4, 5, 8.8)],
  },
  openByAge: [
    { bucket: 'lt1d', count: 0 },
    { bucket: '1to3d', count: 1 },
    { bucket: '3to7d', count: 0 },
    { bucket: 'gt7d', count: 2 },
  ],
  rates: { decided: 4, approved: 3, changesRequested: 1, approvedPercent: 75, changesRequestedPercent: 25 },
  leakage: {
    byRep: [{ key: 'u-rita', label: 'Rita Rep', currency: 'EUR', count: 2, requestedPercent: 15, approvedPercent: 9, requestedDiscountMinor: 90000, approvedDiscountMinor: 54000 }],
    byProduct: [{ key: 'Design', label: '=Design, "Pro"', currency: 'EUR', count: 3, requestedPercent: 12, approvedPercent: 8, requestedDiscountMinor: 108000, approvedDiscountMinor: 72000 }],
  },
  slowestApprovers: [stats('u-max', 'Max Manager', 4, 5, 8.8)],
  escalations: { total: 0, byPeriod: [], byRule: [] },
};

function mountAt(routes: Record<string, FakeRoute>, me: ApiSchemas['MeResponse'] = max) {
  return mountPage(App, {
    path: '/analytics',
    waitFor: 'main h1',
    routes: {
      'GET /api/v1/me': { status: 200, body: me },
      'GET /api/v1/notifications': { status: 200, body: { items: [], unread: 0 } },
      ...routes,
    },
  });
}

const card = (w: VueWrapper, id: string) => w.get(`[data-chart="${id}"]`);
const tableRows = (w: VueWrapper, id: string) => card(w, id).findAll('tbody tr').map((row) => row.findAll('th, td').map((cell) => cell.text()));

describe('analytics page', () => {
  it('shows one card per chart, each a canvas named by its figures, and a table on request', async () => {
    const { wrapper: w, api } = await mountAt({ 'GET /api/v1/analytics/approvals': { status: 200, body: analytics } });
    await flushPromises();
    expect(w.get('main h1').text()).toBe('Analytics');
    expect(w.findAll('section h2').map((h) => h.text())).toEqual([
      'Time in approval by approver',
      'Time in approval by step',
      'Time in approval by rule',
      'Time in approval by team',
      'Time in approval over time',
      'Open approvals by age',
      'Approval and changes-requested rates',
      'Discount requested and approved by rep',
      'Discount requested and approved by product',
      'Slowest approvers',
      'Escalations over time (0 in all)',
      'Escalations by rule',
    ]);
    const canvas = card(w, 'time-by-approver').get('canvas');
    expect(canvas.attributes('role')).toBe('img');
    expect(canvas.attributes('aria-label')).toBe('Time in approval by approver. Max Manager: Decisions 4, Median (hours) 5, 90th percentile (hours) 8.8');
    expect(card(w, 'escalations-by-rule').text()).toContain('No data in this period.');

    const toggle = card(w, 'time-by-team').get('button');
    expect(toggle.text()).toBe('Show as table');
    expect(toggle.attributes('aria-expanded')).toBe('false');
    await toggle.trigger('click');
    expect(toggle.text()).toBe('Show as chart');
    expect(toggle.attributes('aria-expanded')).toBe('true');
    const table = card(w, 'time-by-team').get('table');
    expect(table.get('caption').text()).toBe('Time in approval by team');
    expect(table.findAll('thead th').map((th) => [th.text(), th.attributes('scope')])).toEqual([
      ['Team', 'col'],
      ['Decisions', 'col'],
      ['Median (hours)', 'col'],
      ['90th percentile (hours)', 'col'],
    ]);
    expect(tableRows(w, 'time-by-team')).toEqual([
      ['Enterprise', '1', '10', '10'],
      ['No team', '3', '4', '5.6'],
    ]);
    await card(w, 'leakage-by-rep').get('button').trigger('click');
    expect(tableRows(w, 'leakage-by-rep')).toEqual([['Rita Rep', 'EUR', '2', '15', '9', '€900.00', '€540.00']]);
    expect(api.calls.filter((c) => c.path === '/api/v1/analytics/approvals')).toHaveLength(1);
  });

  it('sends the filters and shows what the API checked', async () => {
    const asked: Array<Record<string, string>> = [];
    const { wrapper: w } = await mountAt({
      'GET /api/v1/analytics/approvals': ({ url }) => {
        if (url.searchParams.size) asked.push(Object.fromEntries(url.searchParams));
        return url.searchParams.get('from') === '2026-12-31'
          ? { status: 422, body: { statusCode: 422, code: 'ANALYTICS.INVALID_FILTER', message: 'from must not be after to', details: { field: 'from', reason: 'must not be after to' } } }
          : { status: 200, body: { ...analytics, filter: { ...analytics.filter, team: url.searchParams.get('team'), bucket: (url.searchParams.get('bucket') ?? 'week') as 'week' } } };
      },
    });
    await flushPromises();
    expect((w.get('#analytics-from').element as HTMLInputElement).value).toBe('2026-11-01');
    expect(w.findAll('#analytics-team option').map((o) => o.text())).toEqual(['All teams', 'Enterprise', 'Sales']);
    await w.get('#analytics-team').setValue('Enterprise');
    await w.get('#analytics-bucket').setValue('month');
    await w.get('form').trigger('submit');
    await flushPromises();
    // First the defaults (the API fills in the period), then what the form holds.
    expect(asked).toEqual([{ bucket: 'week' }, { from: '2026-11-01', to: '2026-11-30', team: 'Enterprise', bucket: 'month' }]);
    expect(w.get('#analytics-status').text()).toBe('Analytics from 1 Nov 2026 to 30 Nov 2026 shown.');
    await card(w, 'time-over-time').get('button').trigger('click');
    expect(card(w, 'time-over-time').findAll('thead th')[0].text()).toBe('Month');
    expect(tableRows(w, 'time-over-time')[0][0]).toBe('November 2026');

    await w.get('#analytics-from').setValue('2026-12-31');
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(w.get('[role="alert"]').text()).toBe('Check the filter: From.');
    expect(w.get('#analytics-from').attributes('aria-invalid')).toBe('true');
  });

  it('tells a rep that analytics are for managers and admins', async () => {
    const { wrapper: w } = await mountAt({ 'GET /api/v1/analytics/approvals': apiError(403, 'AUTH.FORBIDDEN') }, rita);
    await flushPromises();
    expect(w.get('[role="alert"]').text()).toBe('Only managers and admins may see analytics.');
    expect(w.find('section').exists()).toBe(false);
  });

  it('exports a chart as CSV with its columns, raw numbers, quoting and no formulas', () => {
    const charts = analyticsCharts(analytics, { t: (key, values) => (values ? `${key} ${JSON.stringify(values)}` : key), money: (minor, currency) => `${currency} ${minor / 100}`, period: (key) => key });
    const product = charts.find((c) => c.id === 'leakage-by-product')!;
    expect(chartCsv(product)).toBe(
      'analytics.col.product,analytics.col.currency,analytics.col.count,analytics.col.requestedPercent,analytics.col.approvedPercent,analytics.col.requestedMoney,analytics.col.approvedMoney\r\n' +
        `"'=Design, ""Pro""",EUR,3,12,8,EUR 1080,EUR 720\r\n`,
    );
    expect(chartSummary(charts.find((c) => c.id === 'escalations-by-rule')!, 'none')).toBe('analytics.chart.escalationsByRule: none');
  });
});
