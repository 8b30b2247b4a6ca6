import { describe, expect, it, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import type { FakeRoute } from '../../testing/fake-api';
import { mountPage } from '../../testing/mount-page';
import { adaUser, max, maxMe, pendingQuote, pendingRoute, people, round, routeApprover, routeGroup, secondRoundPage } from '../../testing/approvals';
import { rita } from '../../testing/quotes';
import ApprovalPage from './approval-page.vue';

const QUOTE = `/api/v1/quotes/${pendingQuote.id}`;
const APPROVAL = `/api/v1/approvals/quotes/${pendingQuote.id}`;
const dana = { id: '0190a000-0000-7000-8000-00000000a004', name: 'Dana Delegate', role: 'manager' as const };
const ritaMe = { id: rita.id, email: rita.email, name: rita.name, role: 'rep' as const };

async function mountApproval(page: ReturnType<typeof secondRoundPage>, me: { id: string; email: string; name: string; role: 'rep' | 'manager' | 'admin' }, routes: Record<string, FakeRoute> = {}, locale: 'en' | 'nl' = 'en') {
  const { api, wrapper } = await mountPage(ApprovalPage, {
    path: `/quotes/${pendingQuote.id}/approval`,
    locale,
    routes: {
      'GET /api/v1/me': { status: 200, body: me },
      [`GET ${QUOTE}`]: { status: 200, body: pendingQuote },
      [`GET ${APPROVAL}`]: { status: 200, body: page },
      [`GET /api/v1/records/quote/${pendingQuote.id}/properties`]: { status: 200, body: { properties: [], history: [] } },
      'GET /api/v1/users/names': ({ url }) => ({
        status: 200,
        body: { items: [...people, dana].filter((person) => (url.searchParams.get('ids') ?? '').split(',').includes(person.id)) },
      }),
      'GET /api/v1/approvals/approvers': { status: 200, body: [{ id: adaUser.id, name: adaUser.name, role: 'admin' }, { ...dana }, { id: max.id, name: max.name, role: 'manager' }] },
      ...routes,
    },
  });
  await flushPromises();
  return { api, wrapper };
}

const moves = (w: VueWrapper) => w.find('section[aria-labelledby="approval-moves-heading"]');
const button = (w: VueWrapper, name: string) => moves(w).findAll('button').find((b) => b.text() === name);
const posts = (calls: Array<{ method: string; path: string; body: unknown }>, suffix: string) => calls.filter((c) => c.method === 'POST' && c.path === `${APPROVAL}/${suffix}`).map((c) => c.body);

async function pick(comboboxId: string, option: string): Promise<void> {
  (document.getElementById(comboboxId)!.closest('.p-select') as HTMLElement).click();
  await flushPromises();
  const choice = [...document.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.textContent?.trim() === option);
  if (!choice) throw new Error(`no option "${option}"`);
  choice.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
  await flushPromises();
  await vi.waitFor(() => expect(document.querySelector('[role="listbox"]')).toBeNull());
}

describe('moving work along on the approval page', () => {
  it("lets the quote's rep send a reminder", async () => {
    const { wrapper: w, api } = await mountApproval(secondRoundPage({ canDecide: false, reminder: { retryAt: null } }), ritaMe, {
      [`POST ${APPROVAL}/remind`]: { status: 200, body: round({ round: 2 }) },
    });
    expect(moves(w).get('h2').text()).toBe('Moving work along');
    const remind = button(w, 'Send a reminder')!;
    expect(remind.attributes('disabled')).toBeUndefined();
    expect(document.getElementById(remind.attributes('aria-describedby')!)?.textContent).toBe('Reminds the approvers who have not decided yet.');
    await remind.trigger('click');
    await flushPromises();
    expect(posts(api.calls, 'remind')).toEqual([{ round: 2 }]);
    expect(moves(w).get('[role="status"]').text()).toBe('A reminder was sent to the approvers.');
  });

  it('keeps "Send a reminder" off within the cooldown, saying from when another one may be sent', async () => {
    const retryAt = '2099-05-02T12:00:00.000Z';
    const { wrapper: later } = await mountApproval(secondRoundPage({ canDecide: false, reminder: { retryAt } }), ritaMe);
    const off = button(later, 'Send a reminder')!;
    expect(off.attributes('disabled')).toBeDefined();
    expect(document.getElementById(off.attributes('aria-describedby')!)?.textContent).toMatch(/^You can send another reminder from .*2099/);
  });

  it('takes the retry time from a refusal that comes in between', async () => {
    const { wrapper: w } = await mountApproval(secondRoundPage({ canDecide: false, reminder: { retryAt: null } }), ritaMe, {
      [`POST ${APPROVAL}/remind`]: { status: 429, body: { statusCode: 429, code: 'APPROVALS.REMINDER_TOO_SOON', message: 'x', details: { reason: 'reminder-too-soon', retryAt: '2099-01-01T10:00:00.000Z' } } },
    });
    await button(w, 'Send a reminder')!.trigger('click');
    await flushPromises();
    expect(button(w, 'Send a reminder')!.attributes('disabled')).toBeDefined();
    expect(moves(w).text()).toMatch(/You can send another reminder from .*2099/);
  });

  it('reassigns the approver’s own place in a labelled dialog: a person and a note are required; focus goes back to Reassign', async () => {
    const { wrapper: w, api } = await mountApproval(secondRoundPage({ mayReassign: [max.id] }), maxMe, {
      [`POST ${APPROVAL}/reassign`]: { status: 200, body: round({ round: 2 }) },
    });
    const open = button(w, 'Reassign')!;
    (open.element as HTMLButtonElement).focus();
    await open.trigger('click');
    await flushPromises();
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent?.trim()).toBe('Reassign an approval');
    expect(document.getElementById('reassign-to-label')?.textContent).toBe('New approver');
    expect(document.querySelector('label[for="reassign-note"]')?.textContent).toBe('Note for the new approver');
    // Only one place to move (their own): no "Whose place" field.
    expect(document.getElementById('reassign-from')).toBeNull();

    const confirm = () => [...dialog.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Reassign')!.click();
    confirm();
    await flushPromises();
    expect(posts(api.calls, 'reassign')).toEqual([]);
    expect(document.getElementById('reassign-to-error')?.textContent).toBe('Choose the new approver.');
    expect(document.getElementById('reassign-note-error')?.textContent).toBe('Write a note for the new approver.');

    // The picker offers who may approve now, but neither the step's approvers nor the quote's rep.
    (document.getElementById('reassign-to')!.closest('.p-select') as HTMLElement).click();
    await flushPromises();
    expect([...document.querySelectorAll('[role="option"]')].map((o) => o.textContent?.trim())).toEqual(['Ada Admin', 'Dana Delegate']);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await pick('reassign-to', 'Dana Delegate');
    const note = document.getElementById('reassign-note') as HTMLTextAreaElement;
    note.value = ' On holiday next week ';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    confirm();
    await flushPromises();
    expect(posts(api.calls, 'reassign')).toEqual([{ round: 2, from: max.id, to: dana.id, note: 'On holiday next week' }]);
    await vi.waitFor(() => expect(document.querySelector('[role="dialog"]')).toBeNull());
    expect(moves(w).get('[role="status"]').text()).toBe('Max Manager’s place went to Dana Delegate.');
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('approval-reassign'));
  });

  it('lets an admin choose whose place moves; shows the API’s refusal of the new approver at the picker', async () => {
    const current = round({ round: 2, approverIds: [max.id, dana.id], currentApproverIds: [max.id, dana.id] });
    const page = secondRoundPage({ canDecide: false, mayReassign: [max.id, dana.id], current, rounds: [current] });
    const { wrapper: w } = await mountApproval(page, { id: adaUser.id, email: adaUser.email, name: adaUser.name, role: 'admin' }, {
      [`POST ${APPROVAL}/reassign`]: { status: 422, body: { statusCode: 422, code: 'APPROVALS.INVALID_REASSIGNMENT', message: 'x', details: { fields: [{ field: 'to', reason: 'owns the quote' }] } } },
    });
    await button(w, 'Reassign')!.trigger('click');
    await flushPromises();
    expect(document.getElementById('reassign-from-label')?.textContent).toBe('Whose place');
    await pick('reassign-from', 'Dana Delegate');
    await pick('reassign-to', 'Ada Admin');
    const note = document.getElementById('reassign-note') as HTMLTextAreaElement;
    note.value = 'Dana left';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    [...document.querySelectorAll<HTMLButtonElement>('[role="dialog"] button')].find((b) => b.textContent?.trim() === 'Reassign')!.click();
    await flushPromises();
    expect(document.getElementById('reassign-to-error')?.textContent).toBe('Choose an active manager or admin who is not the quote’s owner or submitter and not already in this group.');
  });

  const onBehalfPage = () => {
    const decided = round({
      round: 1,
      status: 'approved',
      currentApproverIds: [],
      route: pendingRoute({
        currentStep: null,
        steps: [{ step: 1, state: 'approved', groups: [routeGroup([routeApprover(max.id, { state: 'approved', at: '2026-05-01T11:00:00.000Z', decidedBy: dana.id })], { state: 'approved' })] }],
      }),
      decisions: [{ approverId: dana.id, onBehalfOf: max.id, decision: 'approve', notes: null, at: '2026-05-01T11:00:00.000Z', step: 0 }],
    });
    // Round 2: step 1 approved by Dana on Max's behalf, step 2 (Max again) deciding now.
    const current = round({
      round: 2,
      route: pendingRoute({
        currentStep: 2,
        steps: [
          { step: 1, state: 'approved', groups: [routeGroup([routeApprover(max.id, { state: 'approved', at: '2026-05-01T12:30:00.000Z', decidedBy: dana.id })], { state: 'approved' })] },
          { step: 2, state: 'pending', groups: [routeGroup([routeApprover(max.id, { state: 'pending' })])] },
        ],
      }),
      activity: [{ kind: 'delegated', step: 1, from: max.id, to: dana.id, by: null, note: null, reason: 'out-of-office', at: '2026-05-01T12:00:00.000Z' }],
    });
    return secondRoundPage({ decidesFor: max.id, outOfOffice: [{ approverId: max.id, standInId: dana.id, kind: 'delegated' }], rounds: [decided, current], current });
  };
  const danaMe = { id: dana.id, email: 'dana@example.com', name: dana.name, role: 'manager' as const };

  it('says who is out of office and who decides in their place, that the caller decides on someone’s behalf, and records "on behalf of"', async () => {
    const { wrapper: w } = await mountApproval(onBehalfPage(), danaMe);
    expect(moves(w).get('[role="note"]').text()).toBe('You decide on behalf of Max Manager, who is out of office.');
    expect(moves(w).get('li').text()).toBe('Max Manager is out of office: Dana Delegate decides in their place.');
    expect(w.get('[data-testid="step-activity"]').text()).toContain('Dana Delegate decides in the place of Max Manager (out of office)');
    expect(w.get('[data-testid="decision-on-behalf"]').text()).toBe('On behalf of Max Manager');
    expect(w.get('[data-testid="approver-decided-by"]').text()).toBe('by Dana Delegate, on their behalf');
  });

  it('says it in Dutch too', async () => {
    const { wrapper: nl } = await mountApproval(onBehalfPage(), danaMe, {}, 'nl');
    expect(moves(nl).get('[role="note"]').text()).toBe('Je beslist namens Max Manager, die afwezig is.');
    expect(nl.get('[data-testid="decision-on-behalf"]').text()).toBe('Namens Max Manager');
  });

  it('shows nothing to move along to an approver with nothing to do here', async () => {
    const { wrapper: w } = await mountApproval(secondRoundPage(), maxMe);
    expect(moves(w).exists()).toBe(false);
  });
});
