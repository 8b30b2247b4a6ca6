import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiTestApp, type ApiTestApp } from '../testing/api-test-app';

describe('workflows API', () => {
  let api: ApiTestApp;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApiTestApp();
    await api.seedDemoUsers();
    for (const who of ['rep', 'manager', 'admin']) cookies[who] = await api.logIn(`${who}@example.com`);
  });
  afterAll(() => api?.close());

  const call = (who: string, method: string, url: string, payload?: unknown) => api.request({ method, url, payload: payload as never, headers: { cookie: cookies[who] } });
  const definition = {
    name: 'When quotes need approval',
    enabled: true,
    objectType: 'quote',
    trigger: { type: 'status_becomes', status: 'pending_approval' },
    conditions: [{ property: 'effectiveDiscountPercent', operator: 'gt', value: 20 }],
    reenrollment: 'always',
    actions: [
      { key: 'create_task', params: { assignee: 'approver', title: 'Approve {{record.number}}' } },
      { key: 'set_property', params: { property: 'approval_status', value: 'pending' } },
    ],
    setKey: null,
  };

  it('lists the actions by key with their parameters: the built-in ones and the example extension', async () => {
    const catalogue = (await call('admin', 'GET', '/api/v1/workflows/actions')).json<{ items: Array<{ key: string; params: unknown[] }> }>();
    expect(catalogue.items.map((a) => a.key)).toEqual(['complete_tasks', 'create_task', 'flag_discount', 'send_notification', 'send_webhook', 'set_property', 'update_deal_stage', 'wait']);
    expect(catalogue.items.find((a) => a.key === 'flag_discount')!.params).toEqual([expect.objectContaining({ name: 'thresholdPercent', required: true })]);
  });

  it('lets admins create and edit workflows (reorder, remove, disable) with version checks; others read or nothing', async () => {
    expect((await call('manager', 'POST', '/api/v1/workflows', definition)).statusCode).toBe(403);
    expect((await call('rep', 'GET', '/api/v1/workflows')).statusCode).toBe(403);
    const created = await call('admin', 'POST', '/api/v1/workflows', definition);
    expect(created.statusCode).toBe(201);
    const workflow = created.json<{ id: string; version: number }>();
    expect((await call('manager', 'GET', `/api/v1/workflows/${workflow.id}`)).json()).toMatchObject({ name: definition.name, runs: 0 });

    const reordered = await call('admin', 'PUT', `/api/v1/workflows/${workflow.id}`, { ...definition, enabled: false, actions: [...definition.actions].reverse(), version: workflow.version });
    expect(reordered.json()).toMatchObject({ enabled: false, version: 2, actions: [{ key: 'set_property' }, { key: 'create_task' }] });
    const stale = await call('admin', 'PUT', `/api/v1/workflows/${workflow.id}`, { ...definition, version: 1 });
    expect(stale.json()).toMatchObject({ statusCode: 409, code: 'WORKFLOWS.STALE_VERSION' });
    const removed = await call('admin', 'PUT', `/api/v1/workflows/${workflow.id}`, { ...definition, actions: definition.actions.slice(1), version: 2 });
    expect(removed.json<{ actions: unknown[] }>().actions).toHaveLength(1);
  });

  it('names what is wrong in a definition and stores nothing', async () => {
    const before = (await call('admin', 'GET', '/api/v1/workflows')).json<{ items: unknown[] }>().items.length;
    const unknownAction = await call('admin', 'POST', '/api/v1/workflows', { ...definition, actions: [{ key: 'launch_rocket', params: {} }] });
    expect(unknownAction.json()).toMatchObject({ statusCode: 422, code: 'WORKFLOWS.INVALID_DEFINITION', details: { fields: [{ field: 'actions.0.key' }] } });
    const malformed = await call('admin', 'POST', '/api/v1/workflows', { ...definition, trigger: { type: 'sometimes' }, conditions: [{ property: 'x', operator: 'approx' }] });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json<{ details: { fields: Array<{ field: string }> } }>().details.fields.map((f) => f.field)).toEqual(expect.arrayContaining(['trigger.type', 'conditions.0.operator']));
    expect((await call('admin', 'GET', '/api/v1/workflows')).json<{ items: unknown[] }>().items.length).toBe(before);
  });

  it.each([
    ['a required param missing', { key: 'create_task', params: { assignee: 'owner' } }, 'actions.0.params.title', 'is required'],
    ['a number that is not one', { key: 'wait', params: { seconds: 'soon' } }, 'actions.0.params.seconds', 'must be a number, 0 or more'],
    ['a negative number', { key: 'send_webhook', params: { url: 'https://example.com/hook', timeoutMs: -5 } }, 'actions.0.params.timeoutMs', 'must be a number, 0 or more'],
    ['an option that is not offered', { key: 'update_deal_stage', params: { stage: 'on_the_moon' } }, 'actions.0.params.stage', 'must be one of'],
    ['a URL that is not http(s)', { key: 'send_webhook', params: { url: 'file:///etc/passwd' } }, 'actions.0.params.url', 'must be an http(s) URL'],
    ['text that is an object', { key: 'set_property', params: { property: { $ne: 1 }, value: 'x' } }, 'actions.0.params.property', 'must be text'],
  ])('refuses %s, naming the param, and stores nothing', async (_what, action, field, reason) => {
    const before = (await call('admin', 'GET', '/api/v1/workflows')).json<{ items: unknown[] }>().items.length;
    const response = await call('admin', 'POST', '/api/v1/workflows', { ...definition, actions: [action] });
    expect(response.json()).toMatchObject({ statusCode: 422, code: 'WORKFLOWS.INVALID_DEFINITION', details: { fields: [{ field, reason: expect.stringContaining(reason) }] } });
    expect((await call('admin', 'GET', '/api/v1/workflows')).json<{ items: unknown[] }>().items.length).toBe(before);
  });
});
