import { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoggedInApiTestApp, type LoggedInApiTestApp } from '../testing/api-test-app';
import { workflowBody, type WorkflowBody } from '../testing/workflow-fixtures';

describe('workflows API', () => {
  let api: LoggedInApiTestApp;

  beforeAll(async () => {
    api = await startLoggedInApiTestApp(['rep', 'manager', 'admin']);
  });
  afterAll(() => api?.close());

  const call: LoggedInApiTestApp['call'] = (...args) => api.call(...args);
  const definition = workflowBody({
    conditions: [{ property: 'effectiveDiscountPercent', operator: 'gt', value: 20 }],
    actions: [
      { key: 'create_task', params: { assignee: 'approver', title: 'Approve {{record.number}}' } },
      { key: 'set_property', params: { property: 'approval_status', value: 'pending' } },
    ],
  });

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

describe('workflows API: webhook signing secrets are made by the server and shown once', () => {
  let api: LoggedInApiTestApp;

  beforeAll(async () => {
    api = await startLoggedInApiTestApp(['rep', 'manager', 'admin']);
  });
  afterAll(() => api?.close());

  type Action = { key: string; params: Record<string, unknown>; secretSet?: boolean; secretLast4?: string | null };
  type Issued = { actionIndex: number; secretId: string; secret: string };
  type Workflow = { id: string; version: number; actions: Action[]; issuedSecrets?: Issued[] };
  const call: LoggedInApiTestApp['call'] = (...args) => api.call(...args);
  const definition = (actions: WorkflowBody['actions']) => workflowBody({ name: 'Tell the ERP', trigger: { type: 'status_becomes', status: 'signed' }, reenrollment: 'never', actions });
  const webhook = (url = 'https://erp.example.com/hooks/quotes') => ({ key: 'send_webhook', params: { url, timeoutMs: 2000 } });
  const task = { key: 'create_task', params: { assignee: 'owner', title: 'Invoice {{record.number}}' } };
  /** The secrets as stored, by secretId (what the worker signs with). */
  const stored = async (id: string) => {
    const [row] = await api.app.get(MikroORM).em.fork().getConnection().execute<Array<{ actions: unknown }>>('select actions from workflows_workflow where id = ?', [id]);
    const actions = (typeof row!.actions === 'string' ? JSON.parse(row!.actions) : row!.actions) as Action[];
    return Object.fromEntries(actions.filter((a) => a.key === 'send_webhook').map((a) => [a.params['secretId'], a.params['secret']]));
  };

  it('creates a strong secret for each webhook, returns it once; no read shows it to anyone', async () => {
    const created = await call('admin', 'POST', '/api/v1/workflows', definition([task, webhook()]));
    expect(created.statusCode).toBe(201);
    const workflow = created.json<Workflow>();
    expect(workflow.issuedSecrets).toHaveLength(1);
    const [issued] = workflow.issuedSecrets!;
    expect(issued).toMatchObject({ actionIndex: 1, secretId: expect.stringMatching(/^[A-Za-z0-9_-]{8,}$/), secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/) });
    expect(await stored(workflow.id)).toEqual({ [issued!.secretId]: issued!.secret });
    expect(workflow.actions[1]).toEqual({ key: 'send_webhook', params: { url: 'https://erp.example.com/hooks/quotes', timeoutMs: 2000, secretId: issued!.secretId }, secretSet: true, secretLast4: issued!.secret.slice(-4) });

    for (const who of ['admin', 'manager']) {
      for (const url of ['/api/v1/workflows', `/api/v1/workflows/${workflow.id}`]) {
        const read = await call(who, 'GET', url);
        expect(read.statusCode).toBe(200);
        expect(read.body).not.toContain(issued!.secret);
        expect(read.body).not.toContain(issued!.secret.slice(6, 30));
        expect(read.body).not.toMatch(/"secret"\s*:/);
        expect(read.body).not.toContain('issuedSecrets');
      }
    }
    expect((await call('rep', 'GET', `/api/v1/workflows/${workflow.id}`)).statusCode).toBe(403);
    const other = (await call('admin', 'POST', '/api/v1/workflows', definition([webhook()]))).json<Workflow>();
    expect(other.issuedSecrets![0]!.secret).not.toBe(issued!.secret);

    // With an Idempotency-Key the answer is not kept (it holds a secret): a replay answers 409.
    const keyed = (headers: Record<string, string>) =>
      api.request({ method: 'POST', url: '/api/v1/workflows', payload: definition([webhook()]) as never, headers: { cookie: api.cookies['admin']!, 'idempotency-key': 'wf-secret-key-1', ...headers } });
    const first = await keyed({});
    expect(first.statusCode).toBe(201);
    const firstSecret = first.json<Workflow>().issuedSecrets![0]!.secret;
    expect((await keyed({})).json()).toMatchObject({ statusCode: 409, code: 'IDEMPOTENCY.RESPONSE_NOT_REPLAYABLE' });
    const rows = await api.app.get(MikroORM).em.fork().getConnection().execute('select * from http_idempotency');
    expect(JSON.stringify(rows)).not.toContain(firstSecret);
  });

  it('keeps each secret through edits that send the actions back as read (reorder, copy), and makes one only for a new webhook', async () => {
    const workflow = (await call('admin', 'POST', '/api/v1/workflows', definition([webhook('https://a.example.com/h')]))).json<Workflow>();
    const first = workflow.issuedSecrets![0]!;
    const read = (await call('admin', 'GET', `/api/v1/workflows/${workflow.id}`)).json<Workflow>();
    const asSent = read.actions.map(({ key, params }) => ({ key, params }));
    const edited = await call('admin', 'PUT', `/api/v1/workflows/${workflow.id}`, { ...definition([task, ...asSent, webhook('https://b.example.com/h')]), version: read.version });
    expect(edited.statusCode).toBe(200);
    const after = edited.json<Workflow>();
    expect(after.issuedSecrets).toEqual([{ actionIndex: 2, secretId: expect.any(String), secret: expect.stringMatching(/^whsec_/) }]);
    const secrets = await stored(workflow.id);
    expect(secrets[first.secretId]).toBe(first.secret);
    expect(Object.keys(secrets)).toHaveLength(2);
    expect(edited.body).not.toContain(first.secret);
  });

  it('refuses a secret sent by a client, naming the param, and changes nothing', async () => {
    const refused = await call('admin', 'POST', '/api/v1/workflows', definition([{ key: 'send_webhook', params: { url: 'https://erp.example.com/h', secret: 'chosen-by-me' } }]));
    expect(refused.json()).toMatchObject({ statusCode: 422, code: 'WORKFLOWS.INVALID_DEFINITION', details: { fields: [{ field: 'actions.0.params.secret' }] } });
    const workflow = (await call('admin', 'POST', '/api/v1/workflows', definition([webhook()]))).json<Workflow>();
    const before = await stored(workflow.id);
    const overwrite = await call('admin', 'PUT', `/api/v1/workflows/${workflow.id}`, {
      ...definition([{ key: 'send_webhook', params: { ...workflow.actions[0]!.params, secret: '' } }]),
      version: workflow.version,
    });
    expect(overwrite.json()).toMatchObject({ statusCode: 422, details: { fields: [{ field: 'actions.0.params.secret' }] } });
    expect(await stored(workflow.id)).toEqual(before);
  });

  it('rotates a secret for admins only: the new one is shown once and replaces the old', async () => {
    const workflow = (await call('admin', 'POST', '/api/v1/workflows', definition([webhook()]))).json<Workflow>();
    const { secretId, secret: old } = workflow.issuedSecrets![0]!;
    const url = `/api/v1/workflows/${workflow.id}/webhook-secrets/${secretId}/rotate`;
    expect((await call('manager', 'POST', url, {})).statusCode).toBe(403);
    expect((await call('rep', 'POST', url, {})).statusCode).toBe(403);
    expect((await call('admin', 'POST', url, { version: workflow.version + 5 })).json()).toMatchObject({ statusCode: 409, code: 'WORKFLOWS.STALE_VERSION' });
    const rotated = await call('admin', 'POST', url, { version: workflow.version });
    expect(rotated.statusCode).toBe(200);
    const fresh = rotated.json<Workflow>().issuedSecrets!;
    expect(fresh).toEqual([{ actionIndex: 0, secretId, secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/) }]);
    expect(fresh[0]!.secret).not.toBe(old);
    expect(await stored(workflow.id)).toEqual({ [secretId]: fresh[0]!.secret });
    expect((await call('admin', 'GET', `/api/v1/workflows/${workflow.id}`)).body).not.toContain(fresh[0]!.secret);
    expect((await call('admin', 'POST', `/api/v1/workflows/${workflow.id}/webhook-secrets/nope/rotate`, {})).json()).toMatchObject({ statusCode: 404, code: 'WORKFLOWS.SECRET_NOT_FOUND' });
  });
});
