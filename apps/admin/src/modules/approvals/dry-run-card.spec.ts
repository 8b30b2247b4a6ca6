import { describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { ada, type FakeReply, type FakeRoute } from '../../testing/fake-api';
import { mountPage } from '../../testing/mount-page';
import { adaUser, approvalSettings, conditionFields, max } from '../../testing/approvals';
import type { DryRun } from './dry-run-api';
import ApprovalSettingsPage from './approval-settings-page.vue';

const RUN_ID = '0190a000-0000-7000-8000-0000000dd001';

function mountSettings(routes: Record<string, FakeRoute>, locale: 'en' | 'nl' = 'en') {
  return mountPage(ApprovalSettingsPage, {
    path: '/settings/approvals',
    locale,
    routes: {
      'GET /api/v1/me': { status: 200, body: ada },
      'GET /api/v1/approvals/settings': { status: 200, body: approvalSettings() },
      'GET /api/v1/approvals/condition-fields': { status: 200, body: conditionFields() },
      'GET /api/v1/users': { status: 200, body: { items: [max, adaUser] } },
      'GET /api/v1/workflows': { status: 200, body: { items: [], quoteApprovalSetKey: 'quote-approvals-v1' } },
      'GET /api/v1/approvals/policy/versions': { status: 200, body: { items: [], nextBefore: null } },
      'POST /api/v1/approvals/dry-runs': { status: 202, body: { id: RUN_ID } },
      ...routes,
    },
  });
}

const run = (overrides: Partial<DryRun>): DryRun => ({ id: RUN_ID, state: 'running', limit: 2, processed: 1, total: 2, createdAt: '2026-12-03T09:00:00.000Z', finishedAt: null, result: null, ...overrides });

const FINISHED = run({
  state: 'finished',
  processed: 2,
  finishedAt: '2026-12-03T09:00:02.000Z',
  result: {
    examined: 2,
    draftNeedsApproval: 2,
    realNeededApproval: 1,
    approvers: [
      { approverId: adaUser.id, name: 'Ada Admin', draftSteps: 2, realSteps: 0, medianResponseHours: null },
      { approverId: max.id, name: 'Max Manager', draftSteps: 1, realSteps: 1, medianResponseHours: 3 },
    ],
    differenceCount: 2,
    differences: [
      { quoteId: 'q-2', number: 'Q-2026-0002', kind: 'newly-needs-approval', real: null, draft: [[adaUser.id]], extraWaitHours: 3 },
      { quoteId: 'q-1', number: 'Q-2026-0001', kind: 'more-steps', real: [[max.id]], draft: [[max.id], [adaUser.id]], extraWaitHours: 3 },
    ],
    wait: { totalExtraHours: 6, averageExtraHours: 3, overallMedianHours: 3 },
  },
});

/** Answers `first`, then `later` once the test calls `release()`. */
function thenWhenReleased(first: FakeReply, later: FakeReply): { route: FakeRoute; release: () => void } {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let calls = 0;
  return { route: async () => (calls++ === 0 ? first : (await released, later)), release };
}

const card = () => document.querySelector<HTMLElement>('[data-testid="dry-run"]')!;
const limitInput = () => card().querySelector<HTMLInputElement>('#dry-run-limit')!;
const button = (name: string) => [...card().querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name)!;
const status = () => card().querySelector('[role="status"]')!;
const rows = (testId: string) => [...card().querySelectorAll(`[data-testid="${testId}"] tbody tr`)].map((tr) => [...tr.children].map((cell) => cell.textContent?.trim()));

describe('Dry run card (settings → approvals)', () => {
  it('runs the policy as edited over the last N quotes, shows progress, then the whole report', async () => {
    const reads = thenWhenReleased({ status: 200, body: run({}) }, { status: 200, body: FINISHED });
    const page = await mountSettings({ [`GET /api/v1/approvals/dry-runs/${RUN_ID}`]: reads.route });
    expect(card().querySelector('h2')?.textContent).toBe('Dry run');
    expect(card().querySelector('label[for="dry-run-limit"]')?.textContent).toBe('Number of quotes');
    expect(limitInput().value).toBe('1000');
    limitInput().value = '2';
    limitInput().dispatchEvent(new Event('input', { bubbles: true }));
    button('Run').click();
    await flushPromises();
    const [post] = page.api.calls.filter((c) => c.method === 'POST' && c.path === '/api/v1/approvals/dry-runs');
    expect(post?.body).toMatchObject({ limit: 2, requireApproval: approvalSettings().requireApproval, rules: approvalSettings().rules });
    // Running: a progressbar with its values and a polite status.
    const bar = card().querySelector('[role="progressbar"]')!;
    expect([bar.getAttribute('aria-valuenow'), bar.getAttribute('aria-valuemax'), document.getElementById(bar.getAttribute('aria-labelledby')!)?.textContent]).toEqual(['1', '2', 'Dry run progress']);
    expect([status().textContent, status().getAttribute('aria-live')]).toEqual(['Looked at 1 of 2 quotes…', 'polite']);
    expect(button('Cancel')).toBeTruthy();
    reads.release();
    await vi.waitFor(() => expect(status().textContent).toBe('Done: looked at 2 quotes.'), { timeout: 3_000 });
    expect(card().querySelector('[data-testid="dry-run-summary"]')?.textContent?.trim()).toBe('Under this policy 2 of 2 quotes would need approval; 1 really did.');
    expect(card().querySelector('[data-testid="dry-run-approvers"] caption')?.textContent?.trim()).toBe('Steps per approver');
    expect(rows('dry-run-approvers')).toEqual([
      ['Ada Admin', '2', '0', 'No decisions yet'],
      ['Max Manager', '1', '1', '3 h'],
    ]);
    expect(rows('dry-run-differences')).toEqual([
      ['Q-2026-0002', 'Would newly need approval', 'No approval', 'Step 1: Ada Admin', '3 h'],
      ['Q-2026-0001', 'More steps', 'Step 1: Max Manager', 'Step 1: Max Manager; Step 2: Ada Admin', '3 h'],
    ]);
    expect(card().querySelector('[data-testid="dry-run-wait"]')?.textContent?.trim()).toBe(
      'In total 6 h more waiting, 3 h per quote on average (from each approver’s median response time; 3 h for approvers without decisions).',
    );
  });

  it('cancels a running run, runs all quotes when asked, and refuses a bad N before sending', async () => {
    const page = await mountSettings({
      [`GET /api/v1/approvals/dry-runs/${RUN_ID}`]: { status: 200, body: run({ limit: null, total: 40 }) },
      [`POST /api/v1/approvals/dry-runs/${RUN_ID}/cancel`]: { status: 200, body: run({ state: 'cancelled', limit: null, total: 40, finishedAt: '2026-12-03T09:00:01.000Z' }) },
    }, 'nl');
    limitInput().value = '0';
    limitInput().dispatchEvent(new Event('input', { bubbles: true }));
    button('Uitvoeren').click();
    await flushPromises();
    expect(limitInput().getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('dry-run-limit-error')?.textContent).toBe('Vul een heel getal vanaf 1 in, of kies Alle offertes.');
    expect(page.api.calls.filter((c) => c.path === '/api/v1/approvals/dry-runs')).toEqual([]);
    card().querySelector<HTMLInputElement>('#dry-run-all')!.click();
    await flushPromises();
    button('Uitvoeren').click();
    await flushPromises();
    expect(page.api.calls.find((c) => c.path === '/api/v1/approvals/dry-runs')?.body).toMatchObject({ limit: 'all' });
    expect(status().textContent).toBe('1 van 40 offertes bekeken…');
    button('Annuleren').click();
    await flushPromises();
    expect(status().textContent).toBe('Geannuleerd na 1 van 40 offertes.');
    expect(card().querySelector('[data-testid="dry-run-summary"]')).toBeNull();
  });
});
