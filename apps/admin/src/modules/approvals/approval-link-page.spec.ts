import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import type { ApiSchemas } from '@qa/shared-api-client';
import { apiError, type FakeRoute } from '../../testing/fake-api';
import { mountPage } from '../../testing/mount-page';
import { max, maxMe } from '../../testing/approvals';
import ApprovalLinkPage from './approval-link-page.vue';

const TOKEN = 'eyJ2IjoxfQ.c2lnbmF0dXJlLW9mLWZvcnR5LXRocmVlLWNoYXJhY3RlcnMtaGVyZQ';
const LINK = `/api/v1/approvals/links/${TOKEN}`;

function approvalLink(overrides: Partial<ApiSchemas['ApprovalLinkResponse']> = {}): ApiSchemas['ApprovalLinkResponse'] {
  return {
    action: 'approve',
    quote: { id: 'q-1', number: 'Q-2026-0042', title: 'Website redesign', companyName: 'Acme BV', total: '12500.00', currency: 'EUR' },
    rules: [{ ruleId: 'r1', ruleName: 'Big discounts', reasons: [{ code: 'condition', field: 'effectiveDiscountPercent', operator: 'gt', expected: 20, actual: 25 } as unknown as ApiSchemas['RouteReasonResponse']] }],
    approver: { id: max.id, name: 'Max Manager' },
    onBehalfOf: null,
    round: 1,
    step: 1,
    steps: 2,
    expiresAt: '2026-12-06T09:00:00.000Z',
    ...overrides,
  };
}

async function mountLink(routes: Record<string, FakeRoute>, options: { path?: string; locale?: 'en' | 'nl' } = {}) {
  const mounted = await mountPage(ApprovalLinkPage, {
    path: options.path ?? `/approvals/confirm?token=${TOKEN}`,
    locale: options.locale,
    routes: { 'GET /api/v1/me': { status: 200, body: maxMe }, [`GET ${LINK}`]: { status: 200, body: approvalLink() }, ...routes },
  });
  await flushPromises();
  return mounted;
}

const text = (w: VueWrapper, selector: string) => w.get(selector).text().replace(/\s+/g, ' ').trim();
const posts = (calls: Array<{ method: string; path: string; body: unknown }>) => calls.filter((c) => c.method === 'POST').map((c) => [c.path, c.body]);

describe('approval link confirmation page', () => {
  it('shows what the link would decide and decides nothing until the approver confirms', async () => {
    const { wrapper: w, api } = await mountLink({
      [`POST ${LINK}/decision`]: { status: 200, body: { action: 'approve', quoteId: 'q-1', status: 'pending', currentStep: 2 } },
    });
    expect(w.get('h1').text()).toBe('Approve quote Q-2026-0042?');
    expect(w.get('section[aria-labelledby="approval-link-summary-heading"] h2').text()).toBe('The quote');
    expect(w.findAll('[data-testid="approval-link-summary"] > div').map((d) => [d.get('dt').text(), d.get('dd').text()])).toEqual([
      ['Quote', 'Q-2026-0042'],
      ['Title', 'Website redesign'],
      ['Company', 'Acme BV'],
      ['Total', '€12,500.00'],
      ['Step', 'Step 1 of 2'],
    ]);
    expect(text(w, '[data-testid="approval-link-rules"]')).toBe('Big discounts: discount 25% > 20%');
    expect(w.text()).toContain('This link was sent to you, Max Manager. It works once, until');
    expect(posts(api.calls)).toEqual([]);

    await w.get('form').trigger('submit');
    await flushPromises();
    expect(posts(api.calls)).toEqual([[`${LINK}/decision`, {}]]);
    expect(text(w, '[role="status"]')).toBe('You approved quote Q-2026-0042. Step 2 now decides.');
    expect(w.find('form').exists()).toBe(false);
    expect(document.activeElement).toBe(w.get('h1').element);
    expect(w.get('.link-next a').attributes('href')).toBe('/quotes/q-1/approval');
  });

  it('tells a stand-in whose place the link decides (en, nl)', async () => {
    const standIn = approvalLink({ onBehalfOf: { id: 'u-mia', name: 'Mia Manager' } });
    const { wrapper: w } = await mountLink({ [`GET ${LINK}`]: { status: 200, body: standIn } });
    expect(w.get('.on-behalf-of').text()).toBe('Mia Manager is out of office: you decide in their place, and the record says so.');
    const { wrapper: nl } = await mountLink({ [`GET ${LINK}`]: { status: 200, body: standIn } }, { locale: 'nl' });
    expect(nl.get('.on-behalf-of').text()).toBe('Mia Manager is afwezig: jij beslist in diens plaats, en dat wordt vastgelegd.');
    const { wrapper: own } = await mountLink({});
    expect(own.find('.on-behalf-of').exists()).toBe(false);
  });

  it('asks for notes before requesting changes, then sends them', async () => {
    const { wrapper: w, api } = await mountLink({
      [`GET ${LINK}`]: { status: 200, body: approvalLink({ action: 'request_changes', steps: 1 }) },
      [`POST ${LINK}/decision`]: { status: 200, body: { action: 'request_changes', quoteId: 'q-1', status: 'changes_requested', currentStep: null } },
    });
    expect(w.get('h1').text()).toBe('Request changes to quote Q-2026-0042?');
    expect(w.get('label[for="approval-link-notes"]').text()).toBe('Notes for the quote’s creator');
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(posts(api.calls)).toEqual([]);
    expect(w.get('#approval-link-notes-error').text()).toBe('Write what should change.');
    expect(w.get('#approval-link-notes').attributes('aria-invalid')).toBe('true');
    expect(document.activeElement?.id).toBe('approval-link-notes');

    await w.get('#approval-link-notes').setValue('  Lower the discount to 20 %  ');
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(posts(api.calls)).toEqual([[`${LINK}/decision`, { notes: 'Lower the discount to 20 %' }]]);
    expect(text(w, '[role="status"]')).toBe('You requested changes to quote Q-2026-0042. Its creator gets a task with your notes.');
  });

  it.each([
    ['APPROVALS.LINK_USED', 409, 'This link was already used'],
    ['APPROVALS.LINK_VOID', 410, 'This link no longer decides anything'],
    ['APPROVALS.LINK_EXPIRED', 410, 'This link has expired'],
    ['APPROVALS.LINK_NOT_YOURS', 403, 'This link is for another approver'],
    ['APPROVALS.LINK_INVALID', 404, 'This link is not valid'],
  ])('says so when the API answers %s on opening, and offers no confirmation', async (code, status, title) => {
    const { wrapper: w, api } = await mountLink({ [`GET ${LINK}`]: apiError(status, code) });
    expect(w.get('[data-testid="approval-link-problem"] .problem-title').text()).toBe(title);
    expect(w.find('form').exists()).toBe(false);
    expect(posts(api.calls)).toEqual([]);
  });

  it('says the link was used when a second click comes first, and links the approval page', async () => {
    const { wrapper: w } = await mountLink({ [`POST ${LINK}/decision`]: apiError(409, 'APPROVALS.LINK_USED') });
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(w.findAll('[data-testid="approval-link-problem"] p').map((p) => p.text())).toEqual(['This link was already used', 'Your decision from this e-mail is recorded. Nothing was changed now.']);
    expect(w.get('.link-next a').text()).toBe('Open the approval page');
  });

  it('keeps the form when the decision is refused for another reason, and says why', async () => {
    const { wrapper: w } = await mountLink({ [`POST ${LINK}/decision`]: apiError(409, 'APPROVALS.ROUND_CLOSED') });
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(w.get('[role="alert"][data-testid="approval-link-error"]').text()).not.toBe('');
    expect(w.find('form').exists()).toBe(true);
  });

  it('asks nothing of the API without a token', async () => {
    const { wrapper: w, api } = await mountLink({}, { path: '/approvals/confirm' });
    expect(w.get('[data-testid="approval-link-problem"] .problem-title').text()).toBe('This link is incomplete');
    expect(api.calls.filter((c) => c.path.startsWith('/api/v1/approvals'))).toEqual([]);
  });

  it('speaks Dutch', async () => {
    const { wrapper: w } = await mountLink({}, { locale: 'nl' });
    expect(w.get('h1').text()).toBe('Offerte Q-2026-0042 goedkeuren?');
    expect(w.get('button[type="submit"]').text()).toBe('Goedkeuren en publiceren');
    const { wrapper: used } = await mountLink({ [`GET ${LINK}`]: apiError(409, 'APPROVALS.LINK_USED') }, { locale: 'nl' });
    expect(used.get('[data-testid="approval-link-problem"] .problem-title').text()).toBe('Deze link is al gebruikt');
  });
});
