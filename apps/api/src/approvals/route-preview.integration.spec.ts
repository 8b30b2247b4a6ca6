import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoggedInApiTestApp, type LoggedInApiTestApp } from '../testing/api-test-app';

/** The live preview of the set-up flow: the route an unsaved draft would get, and why. */
describe('approval route preview of a draft (POST /api/v1/quotes/approval-preview)', () => {
  let api: LoggedInApiTestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await startLoggedInApiTestApp(['rep', 'rep2', 'manager', 'admin']);
    for (const u of (await api.call('admin', 'GET', '/api/v1/users')).json<{ items: Array<{ id: string; email: string }> }>().items) ids[u.email.split('@')[0]!] = u.id;
    // The demo org: Rita Rep reports to Max Manager, who reports to Ada Admin.
    const saved = await api.call('admin', 'PUT', '/api/v1/approvals/settings', {
      requireApproval: false,
      defaultApproverId: ids['admin'],
      rules: [
        {
          name: 'Manager then director above 20 %',
          when: [{ conditions: [{ field: 'effectiveDiscountPercent', operator: 'gt', value: 20 }] }],
          route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'manager', levels: 1 }] }] }, { groups: [{ mode: 'any', approvers: [{ kind: 'manager', levels: 2 }] }] }],
          firstMatchOnly: true,
        },
      ],
    });
    expect(saved.statusCode).toBe(200);
  });
  afterAll(() => api?.close());

  const draft = (discount: string, extra: Record<string, unknown> = {}) => ({
    title: 'Website redesign',
    currency: 'EUR',
    expiresOn: '2099-01-31',
    lineItems: [{ productName: 'Design', quantity: 1, unitPrice: '10000.00', discount: { type: 'percent', value: discount } }],
    ...extra,
  });

  it('shows a rep the route their unsaved draft would get, with names and the quote’s own values, and saves nothing', async () => {
    const before = (await api.call('rep', 'GET', '/api/v1/quotes')).json<{ items: unknown[] }>().items.length;
    const preview = await api.call('rep', 'POST', '/api/v1/quotes/approval-preview', draft('25'));
    expect(preview.statusCode).toBe(200);
    const body = preview.json<{ required: boolean; complete: boolean; route: { currentStep: null; rules: unknown[]; steps: Array<{ step: number; state: string; groups: Array<{ approvers: Array<{ userId: string; state: string }> }> }> }; people: Array<{ id: string; name: string }> }>();
    expect([body.required, body.complete, body.route.currentStep]).toEqual([true, true, null]);
    expect(body.route.steps.map((s) => [s.step, s.state, s.groups.flatMap((g) => g.approvers.map((a) => [a.userId, a.state]))])).toEqual([
      [1, 'waiting', [[ids['manager'], 'waiting']]],
      [2, 'waiting', [[ids['admin'], 'waiting']]],
    ]);
    expect(body.route.rules).toEqual([
      { ruleId: expect.any(String), ruleName: 'Manager then director above 20 %', reasons: [{ code: 'condition', field: 'effectiveDiscountPercent', operator: 'gt', expected: 20, actual: 25 }] },
    ]);
    expect(body.people.map((p) => p.name).sort()).toEqual(['Ada Admin', 'Max Manager']);
    expect((await api.call('rep', 'GET', '/api/v1/quotes')).json<{ items: unknown[] }>().items.length).toBe(before);
  });

  it('follows the fields as they change: no approval at 10 %', async () => {
    const preview = (await api.call('rep', 'POST', '/api/v1/quotes/approval-preview', draft('10'))).json();
    expect(preview).toEqual({ required: false, complete: true, approverIds: [], route: null, people: [] });
  });

  it('previews edits of an existing quote as its owner’s; an admin who would submit it never approves it', async () => {
    const { id } = (await api.call('rep', 'POST', '/api/v1/quotes', draft('5'))).json<{ id: string }>();
    const byAdmin = (await api.call('admin', 'POST', '/api/v1/quotes/approval-preview', { ...draft('30'), quoteId: id })).json<{
      complete: boolean;
      route: { steps: Array<{ groups: Array<{ approvers: Array<{ userId: string }>; notes: unknown[] }> }> };
    }>();
    // Step 1: Rita's manager. Step 2: Max's manager is Ada, who would submit; nobody is above her and
    // she is the fallback too: nobody can approve that step, so the quote could not be submitted so.
    expect(byAdmin.route.steps.map((s) => s.groups[0])).toEqual([
      expect.objectContaining({ approvers: [{ userId: ids['manager'], state: 'waiting', at: null, notes: null, carriedFromRound: null }], notes: [] }),
      expect.objectContaining({ approvers: [], notes: [{ code: 'unresolved', because: 'submitter' }] }),
    ]);
    expect(byAdmin.complete).toBe(false);
    // Managers do not change others' quotes (403), another rep may not even see it (404).
    expect((await api.call('manager', 'POST', '/api/v1/quotes/approval-preview', { ...draft('30'), quoteId: id })).json()).toMatchObject({ statusCode: 403, code: 'QUOTES.NOT_OWNER' });
    expect((await api.call('rep2', 'POST', '/api/v1/quotes/approval-preview', { ...draft('30'), quoteId: id })).json()).toMatchObject({ statusCode: 404, code: 'QUOTES.NOT_FOUND' });
  });

  it('refuses bad input with the field, as a save would', async () => {
    const bad = await api.call('rep', 'POST', '/api/v1/quotes/approval-preview', { ...draft('25'), paymentTermsDays: 'abc' });
    expect(bad.json()).toMatchObject({ statusCode: 400, details: { fields: [expect.objectContaining({ field: 'paymentTermsDays' })] } });
    const badId = await api.call('rep', 'POST', '/api/v1/quotes/approval-preview', { ...draft('25'), quoteId: 'nope' });
    expect(badId.json()).toMatchObject({ statusCode: 400, details: { fields: [expect.objectContaining({ field: 'quoteId' })] } });
  });

  it('lets an admin try an edited policy on an existing quote without saving it; nobody else', async () => {
    const { id } = (await api.call('rep', 'POST', '/api/v1/quotes', draft('15', { paymentTermsDays: 60 }))).json<{ id: string }>();
    const { version } = (await api.call('admin', 'GET', '/api/v1/approvals/settings')).json<{ version: number }>();
    const edited = {
      requireApproval: false,
      defaultApproverId: ids['admin'],
      rules: [{ name: 'Finance for long terms', when: [{ conditions: [{ field: 'paymentTermsDays', operator: 'gt', value: 30 }] }], route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'role', role: 'manager' }] }] }], firstMatchOnly: false }],
    };
    const tried = await api.call('admin', 'POST', '/api/v1/approvals/try', { ...edited, quoteId: id });
    expect(tried.json()).toMatchObject({
      required: true,
      route: { rules: [{ ruleName: 'Finance for long terms', reasons: [{ code: 'condition', field: 'paymentTermsDays', operator: 'gt', expected: 30, actual: 60 }] }] },
      people: [{ id: ids['manager'], name: 'Max Manager', active: true }],
    });
    expect((await api.call('admin', 'GET', '/api/v1/approvals/settings')).json()).toMatchObject({ version, rules: [{ name: 'Manager then director above 20 %' }] });
    const bad = await api.call('admin', 'POST', '/api/v1/approvals/try', { ...edited, rules: [{ ...edited.rules[0], when: [{ conditions: [{ field: 'paymentTermsDays', operator: 'gt', value: 'abc' }] }] }], quoteId: id });
    expect(bad.json()).toMatchObject({ statusCode: 422, code: 'APPROVALS.INVALID_SETTINGS', details: { fields: [{ field: 'rules.0.when.0.conditions.0.value' }] } });
    expect((await api.call('manager', 'POST', '/api/v1/approvals/try', { ...edited, quoteId: id })).statusCode).toBe(403);
  });
});
