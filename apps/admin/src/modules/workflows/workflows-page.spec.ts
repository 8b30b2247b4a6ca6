import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { ApiSchemas } from '@qa/shared-api-client';
import { ada, type FakeRoute } from '../../testing/fake-api';
import { max, rita, workflow } from '../../testing/work-fixtures';
import { mountWorkflowPage } from './workflows.testing';

const list = [
  workflow(),
  workflow({ id: 'wf-2', name: 'When quotes are approved', trigger: { type: 'property_changes', property: 'approval_status', value: 'approved' }, enabled: false, runs: 0, version: 1 }),
  workflow({ id: 'wf-3', name: 'Close won deals', trigger: { type: 'event', eventName: 'quotes.quote.signed.v1' }, setKey: null, runs: 7 }),
];

function mountList(me: ApiSchemas['MeResponse'], routes: Record<string, FakeRoute> = {}, locale: 'en' | 'nl' = 'en') {
  return mountWorkflowPage('/workflows', { 'GET /api/v1/workflows': { status: 200, body: { items: list, quoteApprovalSetKey: 'quote-approvals-v1' } }, ...routes }, me, locale);
}

describe('workflows list', () => {
  it('lists name, a readable trigger, enabled, runs and set key, sorted by name, with New workflow for admins', async () => {
    const { wrapper: w } = await mountList(ada);

    expect(w.get('main h1').text()).toBe('Workflows');
    const rows = w.findAll('tbody tr').map((row) => [...row.findAll('th, td')].map((cell) => cell.text()));
    expect(rows).toEqual([
      ['Close won deals', 'Event: Quote signed', '', '7', 'None'],
      ['When quotes are approved', 'approval_status changes to approved', '', '0', 'quote-approvals-v1'],
      ['When quotes need approval', 'Status becomes Pending approval', '', '2', 'quote-approvals-v1'],
    ]);
    expect(w.get('tbody a').attributes('href')).toBe('/workflows/wf-3');
    const newLink = w.findAll('main a').find((a) => a.text() === 'New workflow');
    expect(newLink?.attributes('href')).toBe('/workflows/new');
    const switches = w.findAll('[role="switch"]');
    expect(switches.map((s) => [s.attributes('aria-label'), s.attributes('aria-checked')])).toEqual([
      ['Close won deals enabled', 'true'],
      ['When quotes are approved enabled', 'false'],
      ['When quotes need approval enabled', 'true'],
    ]);
  });

  it('switches a workflow on for an admin with a PUT of the whole definition and its version', async () => {
    const puts: unknown[] = [];
    const { wrapper: w } = await mountList(ada, {
      'PUT /api/v1/workflows/wf-2': ({ body }) => {
        puts.push(body);
        return { status: 200, body: { ...list[1], enabled: true, version: 2 } };
      },
    });

    await w.findAll('[role="switch"]')[1]?.trigger('change');
    await flushPromises();

    expect(puts).toEqual([
      {
        name: 'When quotes are approved',
        enabled: true,
        objectType: 'quote',
        trigger: { type: 'property_changes', property: 'approval_status', value: 'approved' },
        conditions: [],
        reenrollment: 'always',
        actions: list[1]?.actions,
        setKey: 'quote-approvals-v1',
        version: 1,
      },
    ]);
    expect(w.findAll('[role="switch"]')[1]?.attributes('aria-checked')).toBe('true');
    expect(w.get('.list-message').text()).toBe('“When quotes are approved” is on.');
  });

  it('reloads the list and explains when the workflow changed meanwhile (409)', async () => {
    const { wrapper: w, api } = await mountList(ada, {
      'PUT /api/v1/workflows/wf-2': { status: 409, body: { statusCode: 409, code: 'WORKFLOWS.STALE_VERSION', message: 'stale', details: {} } },
    });

    await w.findAll('[role="switch"]')[1]?.trigger('change');
    await flushPromises();

    expect(w.get('.list-problem[role="alert"]').text()).toBe('Someone changed “When quotes are approved” meanwhile. The list was reloaded; try again.');
    expect(api.calls.filter((call) => call.method === 'GET' && call.path === '/api/v1/workflows')).toHaveLength(2);
  });

  it('shows a manager whether each workflow is on, read-only, without New workflow', async () => {
    const { wrapper: w } = await mountList(max);

    expect(w.find('[role="switch"]').exists()).toBe(false);
    expect(w.findAll('tbody tr').map((row) => row.findAll('td')[1]?.text())).toEqual(['On', 'Off', 'On']);
    expect(w.findAll('main a').some((a) => a.text() === 'New workflow')).toBe(false);
    expect(w.get('main').text()).toContain('Only admins can change workflows.');
  });

  it('tells a rep that workflows are not for them without asking the API', async () => {
    const { wrapper: w, api } = await mountList(rita);

    expect(w.get('main h1').text()).toBe('Workflows');
    expect(w.get('main').text()).toContain('You do not have access to workflows.');
    expect(w.find('table').exists()).toBe(false);
    expect(api.calls.some((call) => call.path === '/api/v1/workflows')).toBe(false);
  });

  it('shows the no-access message when the API answers 403', async () => {
    const { wrapper: w } = await mountList(max, { 'GET /api/v1/workflows': { status: 403, body: { statusCode: 403, code: 'AUTH.FORBIDDEN', message: 'no', details: {} } } });

    expect(w.get('main').text()).toContain('You do not have access to workflows.');
  });

  it('shows the list in Dutch', async () => {
    const { wrapper } = await mountList(ada, { 'GET /api/v1/workflows': { status: 200, body: { items: [list[0]], quoteApprovalSetKey: 'quote-approvals-v1' } } }, 'nl');

    expect(wrapper.get('tbody tr').text()).toContain('Status wordt Wacht op goedkeuring');
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['Naam', 'Trigger', 'Actief', 'Uitvoeringen', 'Set']);
    expect(wrapper.findAll('main a').some((a) => a.text() === 'Nieuwe workflow')).toBe(true);
  });

  it('names the withdrawn-from-approval trigger of the fourth approval workflow in English and Dutch', async () => {
    const withdrawn = workflow({ id: 'wf-4', name: 'When a quote is withdrawn from approval', trigger: { type: 'event', eventName: 'quotes.quote.withdrawn.v1' } });
    for (const [locale, summary] of [
      ['en', 'Event: Quote withdrawn from approval'],
      ['nl', 'Gebeurtenis: Offerte ingetrokken uit goedkeuring'],
    ] as const) {
      const { wrapper } = await mountList(ada, { 'GET /api/v1/workflows': { status: 200, body: { items: [withdrawn], quoteApprovalSetKey: 'quote-approvals-v1' } } }, locale);
      expect([locale, wrapper.findAll('tbody tr td')[0]?.text()]).toEqual([locale, summary]);
      wrapper.unmount();
      document.body.innerHTML = '';
    }
  });
});
