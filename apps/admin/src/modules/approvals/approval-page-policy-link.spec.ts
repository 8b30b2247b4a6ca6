import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { ada } from '../../testing/fake-api';
import { mountPage } from '../../testing/mount-page';
import { maxMe, pendingQuote, people, secondRoundPage } from '../../testing/approvals';
import ApprovalPage from './approval-page.vue';

const APPROVAL = `/api/v1/approvals/quotes/${pendingQuote.id}`;

async function mountApproval(me: typeof ada) {
  const mounted = await mountPage(ApprovalPage, {
    path: `/quotes/${pendingQuote.id}/approval`,
    routes: {
      'GET /api/v1/me': { status: 200, body: me },
      [`GET /api/v1/quotes/${pendingQuote.id}`]: { status: 200, body: pendingQuote },
      [`GET ${APPROVAL}`]: { status: 200, body: secondRoundPage() },
      [`GET /api/v1/records/quote/${pendingQuote.id}/properties`]: { status: 200, body: { properties: [], history: [] } },
      'GET /api/v1/users/names': { status: 200, body: { items: people } },
    },
  });
  await flushPromises();
  return mounted;
}

const routedBy = () => [...document.querySelectorAll('[data-testid="approval-why"] dt')].find((dt) => dt.textContent === 'Routed by')?.nextElementSibling as HTMLElement;

describe('the policy version of a round on the approval page', () => {
  it('links admins to that version in the policy history', async () => {
    await mountApproval(ada);
    const link = routedBy().querySelector('a')!;
    expect(link.textContent).toBe('Policy version 1');
    expect(link.getAttribute('href')).toBe('/settings/approvals?version=1');
  });

  it('names it for approvers, who cannot open the settings', async () => {
    await mountApproval(maxMe);
    expect(routedBy().textContent?.trim()).toBe('Policy version 1');
    expect(routedBy().querySelector('a')).toBeNull();
  });
});
