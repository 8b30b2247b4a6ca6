import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import type { ApiSchemas } from '@qa/shared-api-client';
import App from '../../App.vue';
import { ada, apiError, type FakeRoute } from '../../testing/fake-api';
import { mountPage } from '../../testing/mount-page';
import { rita } from '../../testing/work-fixtures';

type Entry = ApiSchemas['AuditEntryResponse'];

const settingsChanged: Entry = {
  id: '0193a1b2-0000-7000-8000-000000000002',
  occurredAt: '2026-12-02T10:15:00.000Z',
  actor: { type: 'user', id: 'u-ada' },
  action: 'approvals.settings.changed',
  subject: { type: 'approval-settings', id: 'approval-settings', label: null },
  changes: [{ field: 'requireApproval', before: false, after: true }],
  before: { requireApproval: false },
  after: { requireApproval: true },
  correlationId: 'c-1',
};
const quoteEdited: Entry = {
  ...settingsChanged,
  id: '0193a1b2-0000-7000-8000-000000000001',
  occurredAt: '2026-12-02T09:00:00.000Z',
  actor: { type: 'user', id: 'u-rita' },
  action: 'quotes.quote.updated',
  subject: { type: 'quote', id: 'q-1', label: 'Q-2026-0007' },
  changes: [{ field: 'title', before: 'Website', after: 'Website redesign' }],
};

function mountAt(path: string, routes: Record<string, FakeRoute>, me: ApiSchemas['MeResponse'] = ada) {
  return mountPage(App, {
    path,
    waitFor: 'main h1',
    routes: {
      'GET /api/v1/me': { status: 200, body: me },
      'GET /api/v1/notifications': { status: 200, body: { items: [], unread: 0 } },
      'GET /api/v1/users/names': { status: 200, body: { items: [{ id: 'u-ada', name: 'Ada Admin' }, { id: 'u-rita', name: 'Rita Rep' }] } },
      ...routes,
    },
  });
}

const rows = (w: VueWrapper) => w.findAll('tbody tr').map((row) => row.findAll('td').map((cell) => cell.text()));

describe('audit log page (Settings → Audit log)', () => {
  it('lists who changed what, newest first, with each change before → after', async () => {
    const { wrapper: w } = await mountAt('/settings/audit', { 'GET /api/v1/audit': { status: 200, body: { items: [settingsChanged, quoteEdited], nextBefore: null } } });
    expect(w.get('main h1').text()).toBe('Audit log');
    expect(w.findAll('thead th').map((th) => th.text())).toEqual(['When', 'Who', 'What', 'Subject', 'Changes']);
    const [first, second] = rows(w);
    expect(first.slice(1)).toEqual(['Ada Admin', 'Changed the approval settings', 'Approval settings', 'requireApproval: false → true']);
    expect(second.slice(1)).toEqual(['Rita Rep', 'Edited the quote', 'Quote Q-2026-0007', 'title: Website → Website redesign']);
    expect(w.findAll('time').map((time) => time.attributes('datetime'))).toEqual([settingsChanged.occurredAt, quoteEdited.occurredAt]);
  });

  it('filters by what changed and pages to older entries', async () => {
    const { api, wrapper: w } = await mountAt('/settings/audit', {
      'GET /api/v1/audit': ({ url }) =>
        url.searchParams.get('before')
          ? { status: 200, body: { items: [quoteEdited], nextBefore: null } }
          : url.searchParams.get('subjectType') === 'quote'
            ? { status: 200, body: { items: [quoteEdited], nextBefore: null } }
            : { status: 200, body: { items: [settingsChanged], nextBefore: settingsChanged.id } },
    });
    await w.get('button.audit-older').trigger('click');
    await flushPromises();
    expect(rows(w).map((cells) => cells[2])).toEqual(['Changed the approval settings', 'Edited the quote']);
    expect(w.find('button.audit-older').exists()).toBe(false);

    await w.get('#audit-subject-type').setValue('quote');
    await flushPromises();
    expect(rows(w).map((cells) => cells[2])).toEqual(['Edited the quote']);
    const audits = api.calls.filter((c) => c.path === '/api/v1/audit');
    expect(audits).toHaveLength(3);
  });

  it('says so when there is nothing yet, and when a non-admin opens it', async () => {
    const empty = await mountAt('/settings/audit', { 'GET /api/v1/audit': { status: 200, body: { items: [], nextBefore: null } } });
    expect(empty.wrapper.text()).toContain('Nothing recorded yet.');
    empty.wrapper.unmount();
    const rep = await mountAt('/settings/audit', { 'GET /api/v1/audit': apiError(403, 'AUTH.FORBIDDEN') }, rita);
    expect(rep.wrapper.get('[role="alert"]').text()).toBe('Only admins may see the audit log.');
    expect(rep.wrapper.find('#ledger-heading').exists()).toBe(false);
  });

  it('links to the audit log from Settings for admins only', async () => {
    const admin = await mountAt('/settings', {});
    expect(admin.wrapper.find('a[href="/settings/audit"]').text()).toBe('Audit log');
    admin.wrapper.unmount();
    const rep = await mountAt('/settings', {}, rita);
    expect(rep.wrapper.find('a[href="/settings/audit"]').exists()).toBe(false);
  });
});
