import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { ApiSchemas } from '@qa/shared-api-client';
import { ada, apiError, type FakeRoute } from '../../testing/fake-api';
import { mountPage } from '../../testing/mount-page';
import { adaUser, approvalSettings, conditionFields, max } from '../../testing/approvals';
import ApprovalSettingsPage from './approval-settings-page.vue';

type Summary = ApiSchemas['PolicyVersionSummaryResponse'];
type Version = ApiSchemas['PolicyVersionResponse'];

const summary = (version: number, note: string | null, restoredFrom: number | null = null): Summary => ({
  version,
  createdAt: `2026-12-0${version}T09:00:00.000Z`,
  authorId: adaUser.id,
  authorName: 'Ada Admin',
  note,
  restoredFrom,
});
const version = (n: number, policy: Partial<Version['policy']> = {}): Version => ({
  ...summary(n, null),
  policy: approvalSettings({ version: n, defaultApproverId: max.id, ...policy }),
});
const VERSIONS = [summary(3, null, 1), summary(2, 'Only big discounts'), summary(1, 'Everything to Max')];

function mountHistory(routes: Record<string, FakeRoute> = {}, settings = approvalSettings({ version: 3, defaultApproverId: max.id }), path = '/settings/approvals') {
  return mountPage(ApprovalSettingsPage, {
    path,
    routes: {
      'GET /api/v1/me': { status: 200, body: ada },
      'GET /api/v1/approvals/settings': { status: 200, body: settings },
      'GET /api/v1/approvals/condition-fields': { status: 200, body: conditionFields() },
      'GET /api/v1/users': { status: 200, body: { items: [max, adaUser] } },
      'GET /api/v1/workflows': { status: 200, body: { items: [], quoteApprovalSetKey: 'quote-approvals-v1' } },
      'GET /api/v1/approvals/policy/versions': { status: 200, body: { items: VERSIONS, nextBefore: null } },
      ...routes,
    },
  });
}

const history = () => document.querySelector<HTMLElement>('[data-testid="policy-history"]')!;
const rowsOf = (table: HTMLTableElement) => [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()));
function button(name: string, within: ParentNode = document): HTMLButtonElement {
  const found = [...within.querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
  if (!found) throw new Error(`no button named ${name}`);
  return found;
}
const checkbox = (name: string) => document.querySelector<HTMLInputElement>(`input[aria-label="${name}"]`)!;

describe('the approval policy history', () => {
  it('lists the versions with when, who, the note and what a version restored; the current one cannot be restored', async () => {
    await mountHistory();
    const table = history().querySelector('table')!;
    expect(table.querySelector('caption')?.textContent).toBe('Versions');
    expect(rowsOf(table).map((cells) => [cells[1], cells[3], cells[4], cells[5]])).toEqual([
      ['3 Current', 'Ada Admin', 'No note Restored from 1', ''],
      ['2', 'Ada Admin', 'Only big discounts', 'Restore this version'],
      ['1', 'Ada Admin', 'Everything to Max', 'Restore this version'],
    ]);
    // The accessible name starts with the visible label.
    expect(button('Restore this version: version 2').textContent?.trim()).toBe('Restore this version');
  });

  it('sends the change note with a save, then clears it', async () => {
    const page = await mountHistory({ 'PUT /api/v1/approvals/settings': { status: 200, body: approvalSettings({ version: 4, defaultApproverId: max.id }) } });
    const note = document.querySelector<HTMLInputElement>('#approval-change-note')!;
    expect(document.querySelector('label[for="approval-change-note"]')?.textContent).toBe('Change note');
    note.value = 'Stricter for big deals';
    note.dispatchEvent(new Event('input'));
    button('Set approver and create workflows').click();
    await flushPromises();
    expect(page.api.calls.find((c) => c.method === 'PUT')?.body).toMatchObject({ changeNote: 'Stricter for big deals', version: 3 });
    expect(note.value).toBe('');
  });

  it('compares two selected versions side by side, each change in words', async () => {
    await mountHistory({
      'GET /api/v1/approvals/policy/versions/compare': ({ url }) => ({
        status: 200,
        body: {
          from: version(Number(url.searchParams.get('from')), { requireApproval: true }),
          to: version(Number(url.searchParams.get('to'))),
          differences: [
            { code: 'setting-changed', path: 'requireApproval', ruleId: null, ruleName: null, fields: [], from: true, to: false, fromPosition: null, toPosition: null },
            { code: 'setting-changed', path: 'exchangeRates.USD', ruleId: null, ruleName: null, fields: [], from: null, to: '0.92', fromPosition: null, toPosition: null },
            { code: 'rule-added', path: 'rules.r1', ruleId: 'r1', ruleName: 'Big discounts', fields: [], from: null, to: null, fromPosition: null, toPosition: 0 },
          ],
        },
      }),
    });
    expect(button('Compare selected').disabled).toBe(true);
    checkbox('Compare version 3').click();
    checkbox('Compare version 1').click();
    await flushPromises();
    button('Compare selected').click();
    await flushPromises();
    const compare = history().querySelector<HTMLElement>('.version-compare')!;
    expect(compare.querySelector('h3')?.textContent).toBe('Version 1 compared with version 3');
    expect(document.activeElement).toBe(compare.querySelector('h3'));
    const table = compare.querySelector('table')!;
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim())[3]).toBe('Change');
    expect(rowsOf(table)).toEqual([
      ['Require approval on all quotes', 'Yes', 'No', 'Changed'],
      ['Exchange rate USD', '(none)', '0.92', 'Changed'],
      ['Rule “Big discounts”', '(none)', 'Position 1', 'Added'],
    ]);
  });

  it('restores a version after a confirm with a note, reloads the editor, and says so', async () => {
    let settings = approvalSettings({ version: 3, defaultApproverId: max.id });
    const page = await mountHistory({
      'GET /api/v1/approvals/settings': () => ({ status: 200, body: settings }),
      'POST /api/v1/approvals/policy/versions/1/restore': () => {
        settings = approvalSettings({ version: 4, defaultApproverId: max.id, requireApproval: true });
        return { status: 200, body: { ...version(4, { requireApproval: true }), restoredFrom: 1 } };
      },
    });
    button('Restore this version: version 1').click();
    await flushPromises();
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(dialog.textContent).toContain('Restore version 1?');
    const note = dialog.querySelector<HTMLTextAreaElement>('textarea')!;
    expect(document.querySelector(`label[for="${note.id}"]`)?.textContent).toBe('Change note (optional)');
    note.value = 'Back to everything';
    note.dispatchEvent(new Event('input'));
    button('Restore', dialog).click();
    await flushPromises();
    expect(page.api.calls.find((c) => c.method === 'POST')).toMatchObject({ path: '/api/v1/approvals/policy/versions/1/restore', body: { expectedVersion: 3, changeNote: 'Back to everything' } });
    expect(history().querySelector('[role="status"]')?.textContent).toBe('Version 1 was restored as version 4.');
    // The editor shows the restored policy; the history is read again.
    expect(document.querySelector<HTMLInputElement>('#approval-change-note')).not.toBeNull();
    expect(page.api.calls.filter((c) => c.path === '/api/v1/approvals/policy/versions')).toHaveLength(2);
  });

  it('tells in the dialog when someone saved in the meantime', async () => {
    await mountHistory({ 'POST /api/v1/approvals/policy/versions/2/restore': apiError(409, 'APPROVALS.STALE_SETTINGS') });
    button('Restore this version: version 2').click();
    await flushPromises();
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]')!;
    button('Restore', dialog).click();
    await flushPromises();
    expect(dialog.querySelector('[role="alert"]')?.textContent).toBe('Someone saved in the meantime. Close this, reload and try again.');
  });

  it('opened from a round (?version=2), puts focus on that version', async () => {
    await mountHistory({}, undefined, '/settings/approvals?version=2');
    await flushPromises();
    expect(document.activeElement?.id).toBe('policy-version-2');
    expect(document.activeElement?.textContent?.trim()).toBe('2');
  });
});
